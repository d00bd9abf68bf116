package io.tegami.sieve;

import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import io.tegami.api.sieve.SieveTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * imap4flags (RFC 5232): setflag, addflag, removeflag, hasflag, and {@code :flags} on keep and
 * fileinto. The internal variable lives in the run's state; with a variable name the flags are
 * kept in that variable, space-separated. System flags are lower-cased as Pigeonhole prints them.
 */
@Component(service = SieveExtension.class)
public final class Imap4flagsExtension implements SieveExtension {

    private static final String STATE = "imap4flags";

    @Override
    public String name() {
        return "imap4flags";
    }

    @Override
    public List<SieveTag> tags() {
        return List.of(new SieveTag(":flags", Command.LIST, Set.of("keep", "fileinto")));
    }

    @Override
    public List<SieveCommand> commands() {
        return List.of(new FlagAction("setflag"), new FlagAction("addflag"), new FlagAction("removeflag"), HASFLAG);
    }

    /** Splits flag strings on spaces, normalizes system flags and drops duplicates. */
    static List<String> normalize(List<String> strings) {
        List<String> out = new ArrayList<>();
        for (String s : strings) {
            for (String flag : s.trim().split("\\s+")) {
                if (flag.isEmpty()) {
                    continue;
                }
                String f = flag.startsWith("\\") ? flag.toLowerCase(Locale.ROOT) : flag;
                if (out.stream().noneMatch(x -> x.equalsIgnoreCase(f))) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The internal variable's flags (for the implicit keep). */
    static List<String> flags(SieveRuntime rt) {
        return List.copyOf(rt.state(STATE, ArrayList<String>::new));
    }

    /** The flags a keep/fileinto stores with: {@code :flags}, else the internal variable. */
    static List<String> actionFlags(SieveCall call, SieveRuntime rt) {
        if (call.hasTag(":flags")) {
            return normalize(call.tagStrings(":flags"));
        }
        return rt.requires("imap4flags") ? flags(rt) : List.of();
    }

    /** setflag/addflag/removeflag [variablename] list-of-flags. */
    private static final class FlagAction extends Command {
        FlagAction(String name) {
            super(name, false, List.of(Command.LIST, Command.LIST), 1, Map.of());
        }

        @Override
        public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
            boolean named = call.positionalCount() == 2;
            List<String> given = normalize(call.strings(named ? 1 : 0));
            List<String> current = named ? normalize(List.of(rt.variable(call.string(0))))
                    : new ArrayList<>(flags(rt));
            List<String> result = switch (name()) {
                case "setflag" -> given;
                case "addflag" -> {
                    List<String> all = new ArrayList<>(current);
                    all.addAll(given);
                    yield normalize(all);
                }
                default -> current.stream().filter(f -> given.stream().noneMatch(f::equalsIgnoreCase)).toList();
            };
            if (named) {
                rt.setVariable(call.string(0), String.join(" ", result));
            } else {
                List<String> internal = rt.state(STATE, ArrayList<String>::new);
                internal.clear();
                internal.addAll(result);
            }
        }
    }

    /** hasflag [variable-list] list-of-flags, with the match type and comparator. */
    private static final SieveCommand HASFLAG = new Command("hasflag", true, List.of(Command.LIST, Command.LIST), 1, Map.of()) {
        @Override
        public boolean matching() {
            return true;
        }

        @Override
        public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
            List<String> values;
            if (call.positionalCount() == 2) {
                List<String> raw = new ArrayList<>();
                for (String v : call.strings(0)) {
                    raw.add(rt.variable(v));
                }
                values = normalize(raw);
            } else {
                values = flags(rt);
            }
            return rt.match(call, values, call.strings(call.positionalCount() - 1));
        }
    };
}
