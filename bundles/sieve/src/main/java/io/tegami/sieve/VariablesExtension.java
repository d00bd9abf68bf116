package io.tegami.sieve;

import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * variables (RFC 5229): the {@code set} action with its modifiers and the {@code string} test;
 * substitution itself happens in every string of scripts that require it ({@link Expander}).
 */
@Component(service = SieveExtension.class)
public final class VariablesExtension implements SieveExtension {

    /** Modifiers in the order they apply (RFC 5229 section 4.1: highest precedence first). */
    private static final List<String> MODIFIERS =
            List.of(":lower", ":upper", ":lowerfirst", ":upperfirst", ":quotewildcard", ":length");

    @Override
    public String name() {
        return "variables";
    }

    @Override
    public List<SieveCommand> commands() {
        Map<String, SieveArgumentType> tags = new java.util.HashMap<>();
        MODIFIERS.forEach(m -> tags.put(m, SieveArgumentType.NONE));
        return List.of(new Command("set", false, List.of(Command.STRING, Command.STRING), 0, Map.copyOf(tags)) {
            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                String name = call.string(0);
                boolean valid = !name.isEmpty();
                for (String part : name.split("\\.", -1)) {
                    valid &= Expander.isIdentifier(part);
                }
                if (!valid) {
                    throw call.error("invalid variable name '" + name + "'");
                }
                if ((call.hasTag(":lower") && call.hasTag(":upper"))
                        || (call.hasTag(":lowerfirst") && call.hasTag(":upperfirst"))) {
                    throw call.error("conflicting modifiers specified for the set command");
                }
            }

            @Override
            public void execute(SieveCall call, SieveRuntime rt) {
                String value = call.string(1);
                for (String m : MODIFIERS) {
                    if (call.hasTag(m)) {
                        value = modify(m, value);
                    }
                }
                rt.setVariable(call.string(0), value);
            }
        }, new CoreExtension.MatchTest("string", false) {
            @Override
            public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                // RFC 5229 section 5: empty source strings do not count (matters for :count).
                List<String> values = new ArrayList<>();
                for (String s : call.strings(0)) {
                    if (!s.isEmpty() || !call.hasTag(":count")) {
                        values.add(s);
                    }
                }
                return rt.match(call, values, call.strings(1));
            }
        });
    }

    static String modify(String modifier, String value) {
        return switch (modifier) {
            case ":lower" -> value.toLowerCase(Locale.ROOT);
            case ":upper" -> value.toUpperCase(Locale.ROOT);
            case ":lowerfirst" -> value.isEmpty() ? value : value.substring(0, 1).toLowerCase(Locale.ROOT) + value.substring(1);
            case ":upperfirst" -> value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
            case ":quotewildcard" -> value.replaceAll("([*?\\\\])", "\\\\$1");
            case ":length" -> String.valueOf(value.codePointCount(0, value.length()));
            default -> value;
        };
    }
}
