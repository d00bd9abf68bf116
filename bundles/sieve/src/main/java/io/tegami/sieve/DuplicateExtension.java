package io.tegami.sieve;

import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * duplicate (RFC 7352): whether a message with this unique id was seen before under a handle.
 * The delivery agent's store answers ({@link io.tegami.api.sieve.SieveEnvironment}); the id is
 * remembered only when the run succeeds, as in Pigeonhole.
 */
@Component(service = SieveExtension.class)
public final class DuplicateExtension implements SieveExtension {

    /** Pigeonhole's sieve_duplicate_default_period: 14 days. */
    static final long DEFAULT_SECONDS = 14 * 86400L;

    @Override
    public String name() {
        return "duplicate";
    }

    @Override
    public List<SieveCommand> commands() {
        Map<String, SieveArgumentType> tags = Map.of(":handle", SieveArgumentType.STRING,
                ":header", SieveArgumentType.STRING, ":uniqueid", SieveArgumentType.STRING,
                ":seconds", SieveArgumentType.NUMBER, ":last", SieveArgumentType.NONE);
        return List.of(new Command("duplicate", true, List.of(), 0, tags) {
            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                if (call.hasTag(":header") && call.hasTag(":uniqueid")) {
                    throw call.error("the duplicate test cannot have both :header and :uniqueid");
                }
            }

            @Override
            public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                String id = call.tagString(":uniqueid");
                if (id == null) {
                    String header = call.hasTag(":header") ? call.tagString(":header") : "Message-ID";
                    List<String> values = HeaderValues.raw(rt.message(), List.of(header));
                    if (values.isEmpty()) {
                        return false;
                    }
                    id = values.get(0).trim();
                }
                String handle = call.hasTag(":handle") ? call.tagString(":handle") : "";
                String key = handle + "\u0000" + id;
                boolean seen = rt.environment().duplicateSeen(key);
                long seconds = call.tagNumber(":seconds", DEFAULT_SECONDS);
                boolean last = call.hasTag(":last");
                rt.afterSuccess(() -> rt.environment().duplicateMark(key, seconds, last));
                return seen;
            }
        });
    }
}
