package io.tegami.sieve;

import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** date (RFC 5260 sections 4 and 5): the {@code date} and {@code currentdate} tests. */
@Component(service = SieveExtension.class)
public final class DateExtension implements SieveExtension {

    @Override
    public String name() {
        return "date";
    }

    @Override
    public List<SieveCommand> commands() {
        Map<String, SieveArgumentType> zones = Map.of(":zone", SieveArgumentType.STRING,
                ":originalzone", SieveArgumentType.NONE);
        return List.of(new Command("date", true, List.of(Command.STRING, Command.STRING, Command.LIST), 0, zones) {
            @Override
            public boolean matching() {
                return true;
            }

            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                IndexExtension.validate(call, "test");
                if (call.hasTag(":zone") && call.hasTag(":originalzone")) {
                    throw call.error("encountered duplicate :originalzone argument for the date test");
                }
            }

            @Override
            public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                List<String> fields = HeaderValues.raw(rt.message(), List.of(call.string(0)));
                // Without :index only the first field counts (RFC 5260 section 4).
                List<String> selected = call.hasTag(":index") ? IndexExtension.select(call, fields)
                        : fields.isEmpty() ? fields : List.of(fields.get(0));
                ZonedDateTime when = selected.isEmpty() ? null : DateParts.parse(selected.get(0));
                if (when != null && !call.hasTag(":originalzone")) {
                    when = when.withZoneSameInstant(zone(call.tagString(":zone"), when));
                }
                String part = when == null ? null : DateParts.part(when, call.string(1));
                return rt.match(call, part == null ? List.of() : List.of(part), call.strings(2));
            }
        }, new Command("currentdate", true, List.of(Command.STRING, Command.LIST), 0,
                Map.of(":zone", SieveArgumentType.STRING)) {
            @Override
            public boolean matching() {
                return true;
            }

            @Override
            public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                ZonedDateTime now = rt.state("date.now", ZonedDateTime::now);
                now = now.withZoneSameInstant(zone(call.tagString(":zone"), now));
                String part = DateParts.part(now, call.string(0));
                return rt.match(call, part == null ? List.of() : List.of(part), call.strings(1));
            }
        });
    }

    /** The :zone offset ({@code +hhmm}), else the local zone's offset at that instant. */
    private static ZoneOffset zone(String zone, ZonedDateTime at) {
        if (zone != null && zone.matches("[+-]\\d{4}")) {
            int minutes = Integer.parseInt(zone.substring(1, 3)) * 60 + Integer.parseInt(zone.substring(3));
            return ZoneOffset.ofTotalSeconds((zone.charAt(0) == '-' ? -60 : 60) * minutes);
        }
        return java.time.ZoneId.systemDefault().getRules().getOffset(at.toInstant());
    }
}
