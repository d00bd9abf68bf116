package io.tegami.pop3.maildrop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Dovecot's {@code pop3_uidl_format}, expanded as Dovecot's {@code var_expand} does it:
 * {@code %[-][0]width[.[0][-]width][modifiers]key} with the keys {@code u} (UID) and {@code v}
 * (UIDVALIDITY), long forms {@code %{uid}} and {@code %{uidvalidity}}, and the modifiers
 * {@code X} (hex, lower case), {@code U}/{@code L} (case), {@code R} (reverse), {@code T} (trim)
 * and {@code M} (MD5 in hex). A width pads with zeros when it starts with {@code 0} and otherwise
 * keeps that many characters. The default, {@code %08Xu%08Xv}, gives exactly the UIDLs Dovecot
 * gives ({@code 000000016b09f2d0}), so that clients moving from Dovecot do not download
 * everything again. Dovecot's other keys ({@code %m} header MD5, {@code %f} file name, {@code %g}
 * GUID) have no counterpart in the store API and are refused.
 */
public final class UidlFormat {

    private sealed interface Part permits Literal, Variable {
    }

    private record Literal(String text) implements Part {
    }

    private record Variable(char key, int offset, int width, boolean zeroPadding, String modifiers) implements Part {
    }

    private static final String MODIFIERS = "XULRTM";

    /** The default format. */
    public static final UidlFormat DEFAULT = parse("%08Xu%08Xv");

    private final List<Part> parts;
    private final String source;

    private UidlFormat(List<Part> parts, String source) {
        this.parts = parts;
        this.source = source;
    }

    /**
     * Parses a format.
     *
     * @throws IllegalArgumentException for a key other than {@code u}, {@code v} and {@code %},
     *         a modifier Tegami lacks, or a format without {@code %u} (whose UIDLs would repeat)
     */
    public static UidlFormat parse(String format) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int[] pos = {0};
        while (pos[0] < format.length()) {
            char c = format.charAt(pos[0]++);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            Part p = variable(format, pos);
            if (p instanceof Literal l) {
                literal.append(l.text());
                continue;
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(p);
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        if (parts.stream().noneMatch(p -> p instanceof Variable v && v.key() == 'u')) {
            throw new IllegalArgumentException("pop3_uidl_format must contain %u: " + format);
        }
        return new UidlFormat(List.copyOf(parts), format);
    }

    /** Reads one {@code %...} after the {@code %}; {@code pos[0]} moves past it. */
    private static Part variable(String f, int[] pos) {
        int sign = 1;
        boolean zero = false;
        if (peek(f, pos) == '-') {
            sign = -1;
            pos[0]++;
        }
        if (peek(f, pos) == '0') {
            zero = true;
            pos[0]++;
        }
        int width = digits(f, pos);
        int offset = 0;
        if (peek(f, pos) == '.') {
            pos[0]++;
            offset = sign * width;
            sign = 1;
            zero = false;
            if (peek(f, pos) == '0') {
                zero = true;
                pos[0]++;
            }
            if (peek(f, pos) == '-') {
                sign = -1;
                pos[0]++;
            }
            width = digits(f, pos);
        }
        width *= sign;
        StringBuilder mods = new StringBuilder();
        while (MODIFIERS.indexOf(peek(f, pos)) >= 0 && peek(f, pos) != 0) {
            mods.append(f.charAt(pos[0]++));
        }
        if (pos[0] >= f.length()) {
            throw new IllegalArgumentException("pop3_uidl_format: '%' without a key: " + f);
        }
        char key = f.charAt(pos[0]++);
        if (key == '{') {
            int end = f.indexOf('}', pos[0]);
            String name = end < 0 ? "" : f.substring(pos[0], end);
            pos[0] = end < 0 ? f.length() : end + 1;
            key = switch (name) {
                case "uid" -> 'u';
                case "uidvalidity" -> 'v';
                default -> throw new IllegalArgumentException("pop3_uidl_format: %{" + name + "} is not supported");
            };
        } else if (key == '%') {
            return new Literal("%");
        } else if (key != 'u' && key != 'v') {
            throw new IllegalArgumentException("pop3_uidl_format: %" + key + " is not supported (only %u and %v)");
        }
        return new Variable(key, offset, width, zero, mods.toString());
    }

    private static char peek(String f, int[] pos) {
        return pos[0] < f.length() ? f.charAt(pos[0]) : 0;
    }

    private static int digits(String f, int[] pos) {
        int n = 0;
        while (pos[0] < f.length() && Character.isDigit(f.charAt(pos[0]))) {
            n = Math.min(1000, n * 10 + (f.charAt(pos[0]++) - '0'));
        }
        return n;
    }

    /** The UIDL of a message. */
    public String format(long uid, long uidValidity) {
        StringBuilder sb = new StringBuilder(24);
        for (Part p : parts) {
            if (p instanceof Literal l) {
                sb.append(l.text());
            } else if (p instanceof Variable v) {
                expand(sb, v, Long.toString(v.key() == 'u' ? uid : uidValidity));
            }
        }
        return sb.toString();
    }

    private static void expand(StringBuilder sb, Variable v, String value) {
        String s = value;
        for (char m : v.modifiers().toCharArray()) {
            s = switch (m) {
                case 'X' -> hex(s);
                case 'U' -> s.toUpperCase(Locale.ROOT);
                case 'L' -> s.toLowerCase(Locale.ROOT);
                case 'R' -> new StringBuilder(s).reverse().toString();
                case 'T' -> s.stripTrailing();
                default -> md5Hex(s);
            };
        }
        if (v.offset() < 0) {
            if (s.length() > -v.offset()) {
                s = s.substring(s.length() + v.offset());
            }
        } else {
            s = s.substring(Math.min(v.offset(), s.length()));
        }
        int width = v.width();
        if (width == 0) {
            sb.append(s);
        } else if (!v.zeroPadding()) {
            if (width < 0) {
                width = s.length() + width;
            }
            sb.append(s, 0, Math.max(0, Math.min(width, s.length())));
        } else {
            sb.append("0".repeat(Math.max(0, width - s.length()))).append(s);
        }
    }

    /** Dovecot's m_str_hex: the decimal value in lower-case hex, 0 for what is not a number. */
    private static String hex(String s) {
        try {
            return Long.toHexString(Long.parseUnsignedLong(s));
        } catch (NumberFormatException e) {
            return "0";
        }
    }

    private static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
