package io.tegami.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The tag and command name at the start of a command line, read leniently so that even a
 * command that cannot be parsed gets its BAD response with the right tag.
 *
 * @param tag the tag, or null if the line does not start with one
 * @param name the command name in upper case ({@code UID FETCH} for UID commands), or null
 */
public record CommandPrefix(String tag, String name) {

    /** Reads the prefix of a (possibly partial) first line. */
    public static CommandPrefix of(byte[] line) {
        int i = 0;
        int start = i;
        while (i < line.length && isTagChar(line[i])) {
            i++;
        }
        if (i == start) {
            return new CommandPrefix(null, null);
        }
        String tag = new String(line, start, i - start, StandardCharsets.US_ASCII);
        if (i >= line.length || line[i] != ' ') {
            return new CommandPrefix(tag, null);
        }
        String name = word(line, i + 1);
        int after = i + 1 + (name == null ? 0 : name.length());
        if ("UID".equals(name) && after < line.length && line[after] == ' ') {
            String sub = word(line, after + 1);
            name = sub == null ? name : name + " " + sub;
        }
        return new CommandPrefix(tag, name);
    }

    private static String word(byte[] line, int from) {
        int i = from;
        while (i < line.length && Chars.isAtomChar(line[i])) {
            i++;
        }
        return i == from ? null : new String(line, from, i - from, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
    }

    private static boolean isTagChar(byte b) {
        return Chars.isAstringChar(b) && b != '+';
    }
}
