package io.tegami.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header section of a message, read from the front of a stream up to the blank line, field
 * by field with the raw bytes kept (for rewriting) and the unfolded value (for Sieve tests). The
 * stream is left at the first body octet; the body is never read here. A section larger than
 * {@link #LIMIT} ends there, the rest counting as body, so a hostile message cannot fill memory.
 */
final class HeaderSection {

    static final int LIMIT = 1 << 20;

    /** One field: its name, its raw lines (LF-terminated, ISO-8859-1 so bytes survive). */
    record Field(String name, String raw) {
        /** The value: unfolded, leading whitespace trimmed, UTF-8 decoded (RFC 6532). */
        String value() {
            int colon = raw.indexOf(':');
            String v = colon < 0 ? "" : raw.substring(colon + 1);
            v = new String(v.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            return v.replaceAll("\r?\n(?=[ \t])", "").replaceAll("\r?\n$", "").replaceAll("^[ \t]+", "");
        }

        boolean named(String n) {
            return name.equalsIgnoreCase(n);
        }
    }

    final List<Field> fields = new ArrayList<>();
    /** The separator line (LF or CRLF), empty when the message has no body. */
    String separator = "";

    /** Reads the header from {@code in}, which is left after the blank line. */
    static HeaderSection read(InputStream in) throws IOException {
        HeaderSection h = new HeaderSection();
        int total = 0;
        StringBuilder current = null;
        String currentName = null;
        while (total < LIMIT) {
            String line = line(in);
            if (line == null) {
                break;
            }
            total += line.length();
            if (line.equals("\n") || line.equals("\r\n")) {
                h.separator = line;
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                current.append(line);
                continue;
            }
            if (current != null) {
                h.fields.add(new Field(currentName, current.toString()));
            }
            int colon = line.indexOf(':');
            currentName = colon < 0 ? "" : line.substring(0, colon).strip();
            current = new StringBuilder(line);
        }
        if (current != null) {
            h.fields.add(new Field(currentName, current.toString()));
        }
        return h;
    }

    /** The values of every field with this name, in order. */
    List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.named(name)) {
                out.add(f.value());
            }
        }
        return out;
    }

    /** The first value of a field, or empty. */
    String first(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? "" : v.get(0);
    }

    boolean has(String name) {
        return fields.stream().anyMatch(f -> f.named(name));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** One line with its terminator, bytes as ISO-8859-1 chars; null at end of stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (c == '\n' || b.size() > LIMIT) {
                break;
            }
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
