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
 * ({@code -d}, {@code -n}, {@code -x}, {@code -X}, {@code -e}, combinable as {@code -nx}), then
 * either parameter names or {@code name=value} assignments.
 *
 * @param mode show, edit or remove
 * @param source which values to show
 * @param expand show values with {@code $name} expanded ({@code -x})
 * @param names the names to show or remove, in the order given; empty to show all
 * @param assignments the parameters to set, in the order given
 */
record PostconfRequest(Mode mode, Source source, boolean expand, List<String> names,
        Map<String, String> assignments) {

    enum Mode { SHOW, EDIT, REMOVE }

    /** Current values (explicit, else default), defaults only ({@code -d}), or explicit only ({@code -n}). */
    enum Source { CURRENT, DEFAULTS, EXPLICIT }

    static final String USAGE = "usage: postconf [-d | -n] [-x] [name ...] | [-e] name=value ... | -X name ...";

    /** Postfix parameter names; no dots, so framework keys (service.pid...) cannot be edited by mistake. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /**
     * Parses the arguments.
     *
     * @throws CommandFailedException with Postfix-style text on a usage error
     */
    static PostconfRequest parse(String... args) {
        if (Arrays.asList(args).contains(null)) {
            throw fatal("null argument (Gogo reads a bare null as no value; quote it)");
        }
        boolean defaults = false;
        boolean explicit = false;
        boolean expand = false;
        boolean remove = false;
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && args[i].length() > 1) {
            String option = args[i++];
            if (option.equals("--")) {
                break;
            }
            for (char c : option.substring(1).toCharArray()) {
                switch (c) {
                    case 'd' -> defaults = true;
                    case 'n' -> explicit = true;
                    case 'x' -> expand = true;
                    case 'X' -> remove = true;
                    case 'e' -> { } // edit mode is implied by name=value, as in Postfix 2.10 and later
                    default -> throw fatal("invalid option -- '" + c + "'\n" + USAGE);
                }
            }
        }
        List<String> operands = List.of(args).subList(i, args.length);
        if (defaults && explicit) {
            throw fatal("-d and -n cannot be used together");
        }
        boolean assigning = operands.stream().anyMatch(a -> a.indexOf('=') >= 0);
        if (remove) {
            return removal(operands, defaults || explicit || expand);
        }
        if (assigning) {
            return edit(operands, defaults || explicit || expand);
        }
        Source source = defaults ? Source.DEFAULTS : explicit ? Source.EXPLICIT : Source.CURRENT;
        if (expand && defaults) {
            throw fatal("-x cannot be used with -d");
        }
        return new PostconfRequest(Mode.SHOW, source, expand, List.copyOf(operands), Map.of());
    }

    private static PostconfRequest removal(List<String> operands, boolean showOptions) {
        if (showOptions) {
            throw fatal("-X cannot be used with -d, -n or -x");
        }
        if (operands.isEmpty()) {
            throw fatal("-X needs parameter names\n" + USAGE);
        }
        for (String name : operands) {
            checkName(name);
        }
        return new PostconfRequest(Mode.REMOVE, Source.CURRENT, false, List.copyOf(operands), Map.of());
    }

    private static PostconfRequest edit(List<String> operands, boolean showOptions) {
        if (showOptions) {
            throw fatal("name=value cannot be used with -d, -n or -x");
        }
        Map<String, String> assignments = new LinkedHashMap<>();
        for (String operand : operands) {
            int eq = operand.indexOf('=');
            if (eq < 0) {
                throw fatal("expected name=value, got: " + operand);
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
        return new PostconfRequest(Mode.EDIT, Source.CURRENT, false, List.of(),
                Collections.unmodifiableMap(assignments));
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw fatal("invalid parameter name: \"" + name + "\"");
        }
    }

    static CommandFailedException fatal(String message) {
        return new CommandFailedException("postconf: fatal: " + message);
    }
}
