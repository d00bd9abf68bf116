package io.tegami.shell.doveadm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * POSIX getopt(3) for doveadm's option strings ({@code "lp:r:s:t:u:V"}): options come first,
 * clustered or not ({@code -lV}, {@code -sSHA512-CRYPT} or {@code -s SHA512-CRYPT}); the first
 * argument that is not an option, or {@code --}, ends them, so a password such as {@code -x} can
 * still be given as a positional argument after the user name.
 */
final class Getopt {

    /** The parsed command line. */
    record Result(Map<Character, List<String>> options, List<String> operands) {

        boolean has(char option) {
            return options.containsKey(option);
        }

        /** The last value given for an option, or null. */
        String value(char option) {
            List<String> values = options.get(option);
            return values == null ? null : values.get(values.size() - 1);
        }

        /** Every value given for a repeatable option ({@code -x a -x b}). */
        List<String> values(char option) {
            return options.getOrDefault(option, List.of());
        }
    }

    private Getopt() {
    }

    /**
     * @param command the command name for error messages ({@code pw})
     * @throws DoveadmException for an unknown option or a missing option value, with the usage
     */
    static Result parse(String command, String spec, List<String> args, String usage) {
        Map<Character, List<String>> options = new HashMap<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                break;
            }
            i++;
            for (int j = 1; j < arg.length(); j++) {
                char c = arg.charAt(j);
                int at = spec.indexOf(c);
                if (at < 0 || c == ':') {
                    throw DoveadmException.usage(command + ": invalid option -- '" + c + "'\n" + usage);
                }
                boolean takesValue = at + 1 < spec.length() && spec.charAt(at + 1) == ':';
                String value = null;
                if (takesValue) {
                    if (j + 1 < arg.length()) {
                        value = arg.substring(j + 1);
                    } else if (i < args.size()) {
                        value = args.get(i++);
                    } else {
                        throw DoveadmException.usage(command + ": option requires an argument -- '" + c + "'\n" + usage);
                    }
                }
                options.computeIfAbsent(c, k -> new ArrayList<>()).add(value);
                if (takesValue) {
                    break;
                }
            }
        }
        return new Result(options, List.copyOf(args.subList(i, args.size())));
    }
}
