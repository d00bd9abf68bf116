package io.tegami.sieve;

import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * body (RFC 5173): matches the body with the {@code :raw}, {@code :content} and {@code :text}
 * transforms. The parts are read through {@link BodyParts}, streamed and capped per part.
 */
@Component(service = SieveExtension.class)
public final class BodyExtension implements SieveExtension {

    @Override
    public String name() {
        return "body";
    }

    @Override
    public List<SieveCommand> commands() {
        Map<String, SieveArgumentType> tags = Map.of(":raw", SieveArgumentType.NONE,
                ":content", SieveArgumentType.STRING_LIST, ":text", SieveArgumentType.NONE);
        return List.of(new Command("body", true, List.of(Command.LIST), 0, tags) {
            @Override
            public boolean matching() {
                return true;
            }

            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                int transforms = (call.hasTag(":raw") ? 1 : 0) + (call.hasTag(":content") ? 1 : 0)
                        + (call.hasTag(":text") ? 1 : 0);
                if (transforms > 1) {
                    String second = call.hasTag(":text") ? ":text" : ":raw";
                    throw call.error("encountered duplicate " + second + " argument for the body test");
                }
            }

            @Override
            public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                List<String> parts;
                try {
                    if (call.hasTag(":raw")) {
                        parts = BodyParts.raw(rt.message());
                    } else {
                        List<String> types = call.hasTag(":content") ? call.tagStrings(":content") : List.of("text");
                        parts = BodyParts.content(rt.message(), types);
                    }
                } catch (IOException e) {
                    throw new SieveRuntimeException("failed to read message body: " + e.getMessage(), e);
                }
                return rt.match(call, parts, call.strings(0));
            }
        });
    }
}
