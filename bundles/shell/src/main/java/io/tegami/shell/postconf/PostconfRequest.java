package io.tegami.shell.postconf;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.tegami.shell.CommandFailedException;

/**
 * What a {@code postconf} command line asks for, parsed with Postfix's rules: options first
 * ({@code -d}, {@code -n}, {@code -h}, {@code -H}, {@code -x}, {@code -X}, {@code -e}, {@code -M},
 * {@code -f}, combinable as {@code -nx}), then parameter names, {@code name=value} assignments,
 * or, with {@code -M}, {@code service[/type]} patterns.
 *
 * @param mode show, edit, remove, show listeners, or print the help text
 * @param source which values to show
 * @param expand show values with {@code $name} expanded ({@code -x})
 * @param hideName print values only ({@code -h})
 * @param hideValue print names only ({@code -H})
 * @param fold fold long {@code -M} lines as Postfix does ({@code -f})
 * @param names the names (or {@code -M} patterns) to show or remove, in the order given; empty for all
 * @param assignments the parameters to set, in the order given
 */
record PostconfRequest(Mode mode, Source source, boolean expand, boolean hideName, boolean hideValue,
        boolean fold, List<String> names, Map<String, String> assignments) {

    enum Mode { SHOW, EDIT, REMOVE, MASTER, HELP }

    /** Current values (explicit, else default), defaults only ({@code -d}), or explicit only ({@code -n}). */
    enum Source { CURRENT, DEFAULTS, EXPLICIT }

    static final String USAGE = "usage: postconf [-d (parameter defaults)] [-e (edit configuration)]"
            + " [-f (fold lines)] [-h (no names)] [-H (no values)] [-M (master.cf)]"
            + " [-n (non-default parameters)] [-x (expand parameter values)] [-X (exclude)] [name...]";

    /** Postfix parameter names; no dots, so framework keys (service.pid...) cannot be edited by mistake. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");

    /** The option letters in the order Postfix names them in its "specify one of" messages. */
    private static final String EXCLUSIVE = "deMnX";

    /**
     * Parses the arguments.
     *
     * @throws CommandFailedException with Postfix-style text on a usage error
     */
    static PostconfRequest parse(String... args) {
        if (Arrays.asList(args).contains(null)) {
            throw fatal("null argument (Gogo reads a bare null as no value; quote it)");
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-?"))) {
            return new PostconfRequest(Mode.HELP, Source.CURRENT, false, false, false, false, List.of(), Map.of());
        }
        StringBuilder flags = new StringBuilder();
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && args[i].length() > 1) {
            String option = args[i++];
            if (option.equals("--")) {
                break;
            }
            for (char c : option.substring(1).toCharArray()) {
                if ("dehHfMnxX".indexOf(c) < 0) {
                    throw usage("postconf: invalid option -- '" + c + "'\npostconf: fatal: " + USAGE);
                }
                flags.append(c);
            }
        }
        String f = flags.toString();
        List<String> operands = List.of(args).subList(i, args.length);
        checkCombinations(f);
        boolean assigning = has(f, 'e') || (!has(f, 'X') && !has(f, 'M')
                && operands.stream().anyMatch(a -> a.indexOf('=') >= 0));
        if (has(f, 'M')) {
            return new PostconfRequest(Mode.MASTER, Source.CURRENT, has(f, 'x'), false, false, has(f, 'f'),
                    List.copyOf(operands), Map.of());
        }
        if (has(f, 'X')) {
            return removal(operands);
        }
        if (assigning) {
            if (has(f, 'd') || has(f, 'n')) {
                throw fatal("specify one of " + (has(f, 'd') ? "-d" : "-e") + " " + (has(f, 'd') ? "-e" : "-n"));
            }
            return edit(operands);
        }
        Source source = has(f, 'd') ? Source.DEFAULTS : has(f, 'n') ? Source.EXPLICIT : Source.CURRENT;
        return new PostconfRequest(Mode.SHOW, source, has(f, 'x'), has(f, 'h'), has(f, 'H'), has(f, 'f'),
                List.copyOf(operands), Map.of());
    }

    /** Postfix's own wording for options that exclude each other. */
    private static void checkCombinations(String flags) {
        if (has(flags, 'M')) {
            for (char c : "dehHnX".toCharArray()) {
                if (has(flags, c)) {
                    throw fatal("with option -M, do not specify -" + c);
                }
            }
        }
        StringBuilder chosen = new StringBuilder();
        for (char c : EXCLUSIVE.toCharArray()) {
            if (has(flags, c)) {
                chosen.append(chosen.length() == 0 ? "" : " ").append('-').append(c);
            }
        }
        if (chosen.indexOf(" ") > 0) {
            throw fatal("specify one of " + chosen);
        }
        if (has(flags, 'h') && has(flags, 'H')) {
            throw fatal("specify one of -h -H");
        }
    }

    private static boolean has(String flags, char c) {
        return flags.indexOf(c) >= 0;
    }

    private static PostconfRequest removal(List<String> operands) {
        if (operands.isEmpty()) {
            throw fatal("-X requires parameter names");
        }
        for (String name : operands) {
            checkName(name);
        }
        return new PostconfRequest(Mode.REMOVE, Source.CURRENT, false, false, false, false,
                List.copyOf(operands), Map.of());
    }

    private static PostconfRequest edit(List<String> operands) {
        if (operands.isEmpty()) {
            throw fatal("-e requires name=value argument");
        }
        Map<String, String> assignments = new LinkedHashMap<>();
        for (String operand : operands) {
            int eq = operand.indexOf('=');
            if (eq < 0) {
                throw fatal("missing '=' after attribute name: \"" + operand + "\"");
            }
            // Postfix trims around the name and the value: "myhostname = mx.example.com" works.
            String name = operand.substring(0, eq).strip();
            String value = operand.substring(eq + 1).strip();
            checkName(name);
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
                throw fatal("the value of " + name + " contains a line break");
            }
            assignments.remove(name); // the last one wins, in its own position
            assignments.put(name, value);
        }
        return new PostconfRequest(Mode.EDIT, Source.CURRENT, false, false, false, false, List.of(),
                Collections.unmodifiableMap(assignments));
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw fatal("invalid parameter name: \"" + name + "\"");
        }
    }

    static CommandFailedException fatal(String message) {
        return usage("postconf: fatal: " + message);
    }

    /** Postfix exits 1 on every usage error; so does Tegami's postconf. */
    private static CommandFailedException usage(String message) {
        return new CommandFailedException(1, message);
    }

    /** The {@code --help} text. */
    static final String HELP = """
            usage: postconf [-dhHnx] [name ...]            show parameters (all when no name)
                   postconf [-e] name=value ...            set parameters (configs/tegami.main.cfg + live)
                   postconf -X name ...                    remove parameters (back to their defaults)
                   postconf -M [-fx] [service[/type] ...]  show listeners in master.cf form
                   postconf --help                         this text

              -d  show default values           -n  show only values set in configs/tegami.main.cfg
              -h  show values only, no names    -H  show names only, no values
              -x  expand $name in values        -f  fold long -M lines
            Unknown names get "postconf: warning: NAME: unknown parameter"; parameters set in
            tegami.main.cfg that no component knows get "unused parameter" warnings.
            See docs/admin.md (postconf).""";
}
