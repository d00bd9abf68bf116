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
 * include (RFC 6609): {@code include}, {@code return} and {@code global}. Included scripts are
 * fetched from the delivery agent ({@link io.tegami.api.sieve.SieveEnvironment#includeScript})
 * when the include runs, then compiled and run in their own scope ({@link Includes}).
 */
@Component(service = SieveExtension.class)
public final class IncludeExtension implements SieveExtension {

    @Override
    public String name() {
        return "include";
    }

    @Override
    public List<SieveCommand> commands() {
        Map<String, SieveArgumentType> tags = Map.of(":personal", SieveArgumentType.NONE,
                ":global", SieveArgumentType.NONE, ":once", SieveArgumentType.NONE, ":optional", SieveArgumentType.NONE);
        return List.of(new Command("include", false, List.of(Command.STRING), 0, tags) {
            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                if (call.hasTag(":personal") && call.hasTag(":global")) {
                    throw call.error("include command: multiple location tags specified");
                }
                String name = call.string(0);
                if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
                    throw call.error("include: invalid script name '" + name + "'");
                }
            }

            @Override
            public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                ((Run) rt).includes().include(call.string(0), call.hasTag(":global"), call.hasTag(":once"),
                        call.hasTag(":optional"));
            }
        }.named("value"), new Command("return", false, List.of(), 0, Map.of()) {
            @Override
            public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                throw new Interpreter.Return();
            }
        }, new Command("global", false, List.of(Command.LIST), 0, Map.of()) {
            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                for (String name : call.strings(0)) {
                    if (!Expander.isIdentifier(name)) {
                        throw call.error("invalid variable name '" + name + "'");
                    }
                }
            }

            @Override
            public void execute(SieveCall call, SieveRuntime rt) {
                call.strings(0).forEach(((Run) rt)::declareGlobal);
            }
        }.named("value"));
    }
}
