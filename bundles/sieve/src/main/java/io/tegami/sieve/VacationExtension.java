package io.tegami.sieve;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * vacation (RFC 5230); this bundle also registers vacation-seconds (RFC 6131) through
 * {@link VacationSecondsExtension}, which enables {@code :seconds}. Only the action is produced
 * here: the delivery agent applies RFC 3834 and the per-sender memory.
 */
@Component(service = SieveExtension.class)
public final class VacationExtension implements SieveExtension {

    /** Pigeonhole's sieve_vacation_default_period: 7 days. */
    static final long DEFAULT_SECONDS = 7 * 86400L;

    @Override
    public String name() {
        return "vacation";
    }

    @Override
    public List<SieveCommand> commands() {
        Map<String, SieveArgumentType> tags = new HashMap<>();
        tags.put(":days", SieveArgumentType.NUMBER);
        tags.put(":subject", SieveArgumentType.STRING);
        tags.put(":from", SieveArgumentType.STRING);
        tags.put(":addresses", SieveArgumentType.STRING_LIST);
        tags.put(":mime", SieveArgumentType.NONE);
        tags.put(":handle", SieveArgumentType.STRING);
        return List.of(new Command("vacation", false, List.of(Command.STRING), 0, Map.copyOf(tags)) {
            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                if (call.hasTag(":days") && call.hasTag(":seconds")) {
                    throw call.error("the vacation command accepts either :days or :seconds, not both");
                }
                String from = call.tagString(":from");
                if (from != null && !from.contains("${") && Addresses.parts(List.of(from), CoreMatching.ALL).isEmpty()) {
                    throw call.error("specified :from address '" + from + "' is invalid for vacation action");
                }
            }

            @Override
            public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                long seconds = call.hasTag(":seconds") ? call.tagNumber(":seconds", 0)
                        : call.hasTag(":days") ? call.tagNumber(":days", 7) * 86400L : DEFAULT_SECONDS;
                String reason = call.string(0);
                String subject = call.tagString(":subject");
                String from = call.tagString(":from");
                boolean mime = call.hasTag(":mime");
                String handle = call.tagString(":handle");
                if (handle == null) {
                    // Pigeonhole's default handle: the parameters that make the response what it is.
                    handle = reason + (subject == null ? "<default-subject>" : subject)
                            + (from == null ? "<default-from>" : from) + (mime ? "<MIME>" : "<NO-MIME>");
                }
                List<String> addresses = call.tagStrings(":addresses");
                rt.addAction(new SieveAction.Vacation(reason, subject, from, addresses == null ? List.of() : addresses,
                        mime, handle, seconds));
            }
        });
    }
}
