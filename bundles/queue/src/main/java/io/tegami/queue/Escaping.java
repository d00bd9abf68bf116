package io.tegami.queue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-escaping for values in queue file records.
 *
 * <p>Records are single lines of fields separated by one space, so a value must never contain a
 * space, a line break or any other byte that could shift the fields. Everything outside printable
 * ASCII ({@code !} to {@code ~}), and {@code %} itself, is written as {@code %XX} of its UTF-8 bytes.
 * The empty string is written as a lone {@code %} so that an empty field is still visible.
 */
final class Escaping {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Escaping() {
    }

    static String escape(String value) {
        if (value.isEmpty()) {
            return "%";
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '%') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /**
     * Reverses {@link #escape}.
     *
     * @throws IllegalArgumentException on a malformed escape or a raw byte that escape never writes
     */
    static String unescape(String field) {
        if (field.equals("%")) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '%') {
                if (i + 2 >= field.length()) {
                    throw new IllegalArgumentException("truncated escape in " + field);
                }
                out.write(hex(field.charAt(i + 1)) << 4 | hex(field.charAt(i + 2)));
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                out.write(c);
            } else {
                throw new IllegalArgumentException("unescaped character in " + field);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        int v = Character.digit(c, 16);
        if (v < 0) {
            throw new IllegalArgumentException("bad hex digit " + c);
        }
        return v;
    }
}
