package io.tegami.sieve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options parsed as Pigeonhole's tools parse them (GNU getopt): single-letter
 * options anywhere among the operands, a value either attached ({@code -fa@b}) or as the next
 * word, flags grouped ({@code -eD}), {@code --} ending the options. {@code -h} and
 * {@code --help}, which Pigeonhole lacks, ask for the help text.
 *
 * @param operands the non-option words, in order
 * @param values the value of each option that takes one (the last one given wins)
 * @param flags the flags given
 * @param help whether help was asked for
 */
record ToolArgs(List<String> operands, Map<Character, String> values, List<Character> flags, boolean help) {

    /** Thrown for an option getopt rejects; the message is getopt's complaint. */
    static final class BadOption extends Exception {

        private static final long serialVersionUID = 1L;

        BadOption(String message) {
            super(message);
        }
    }

    /**
     * Parses the words.
     *
     * @param tool the tool's name, for getopt's complaints ({@code sievec})
     * @param args the words after the command name
     * @param withValue the letters of the options that take a value
     * @param flagLetters the letters of the options that do not
     * @throws BadOption with getopt's message ({@code sievec: invalid option -- 'q'})
     */
    static ToolArgs parse(String tool, String[] args, String withValue, String flagLetters) throws BadOption {
        List<String> operands = new ArrayList<>();
        Map<Character, String> values = new HashMap<>();
        List<Character> flags = new ArrayList<>();
        boolean help = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || arg.length() < 2 || arg.charAt(0) != '-') {
                operands.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (arg.equals("--help")) {
                help = true;
            } else if (arg.startsWith("--")) {
                throw new BadOption(tool + ": unrecognized option '" + arg + "'");
            } else {
                for (int j = 1; j < arg.length(); j++) {
                    char c = arg.charAt(j);
                    if (c == 'h') {
                        help = true;
                    } else if (flagLetters.indexOf(c) >= 0) {
                        flags.add(c);
                    } else if (withValue.indexOf(c) >= 0) {
                        if (j + 1 < arg.length()) {
                            values.put(c, arg.substring(j + 1));
                        } else if (i + 1 < args.length) {
                            values.put(c, args[++i]);
                        } else {
                            throw new BadOption(tool + ": option requires an argument -- '" + c + "'");
                        }
                        break;
                    } else {
                        throw new BadOption(tool + ": invalid option -- '" + c + "'");
                    }
                }
            }
        }
        return new ToolArgs(List.copyOf(operands), Map.copyOf(values), List.copyOf(flags), help);
    }
}
