package io.tegami.shell.ctl;

import java.util.List;

/**
 * Turns an argument vector into a Gogo command line that Gogo parses back into the same strings.
 *
 * <p>Gogo 1.1 expands far more than a POSIX shell does, and inside double quotes too: {@code $x},
 * {@code $(cmd)}, {@code %(expr)} (and any {@code %}), globs, {@code ~}, {@code [list]},
 * {@code {closure}}; a {@code '} inside double quotes even breaks its tokenizer. Single quotes, on
 * the other hand, are fully literal (a backslash inside them stays a backslash), so every argument
 * that is not made of plainly safe characters goes in single quotes, and a {@code '} in it is
 * written the POSIX way as {@code '\''} (close, escaped quote, reopen).
 *
 * <p>The command name is never quoted: Gogo treats a quoted first word as a value, not a command.
 */
public final class GogoQuoting {

    private GogoQuoting() {
    }

    /**
     * Builds the request line.
     *
     * @throws IllegalArgumentException if the command name is not a plain word or an argument
     *         contains a line break or NUL, which the one-line protocol cannot carry
     */
    public static String commandLine(String command, List<String> args) {
        if (!isCommandName(command)) {
            throw new IllegalArgumentException("not a command name: " + command);
        }
        StringBuilder line = new StringBuilder(command);
        for (String arg : args) {
            if (arg.indexOf('\n') >= 0 || arg.indexOf('\r') >= 0 || arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("arguments cannot contain line breaks or NUL");
            }
            line.append(' ').append(quote(arg));
        }
        return line.toString();
    }

    /** Quotes one argument if Gogo would otherwise read it differently. */
    public static String quote(String arg) {
        if (isBare(arg)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** A command name: {@code postconf}, {@code felix:lb}. */
    static boolean isCommandName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAlnum(c) || c == '_' || c == '-' || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Words Gogo passes through untouched: safe characters only, where {@code =} is safe inside a
     * word ({@code name=value}) but not at its start, where Gogo reads an assignment; and not the
     * bare word {@code null}, which Gogo turns into a Java null (true/false likewise become
     * Booleans).
     */
    static boolean isBare(String s) {
        if (s.isEmpty() || s.charAt(0) == '=' || s.equals("null") || s.equals("true") || s.equals("false")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAlnum(c) || "_-./:@+,=".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
