package io.tegami.api.mail;

import java.nio.charset.StandardCharsets;

/**
 * The xtext encoding of RFC 3461 section 4 ({@code ENVID}, {@code ORCPT}, {@code AUTH=}) and the
 * {@code utf-8-addr-xtext} of RFC 6533 for {@code ORCPT=utf-8;...}. Decoding is as lenient as
 * Postfix's ({@code xtext_unquote}, {@code uxtext_unquote}): hexadecimal digits may be lower case
 * and characters xtext should have encoded are taken as they are; only a malformed escape fails.
 * A relay re-encodes with {@link #encode} before passing the values on.
 *
 * @since 1.1
 */
public final class Xtext {

    private Xtext() {
    }

    /**
     * Decodes {@code +HH} escapes.
     *
     * @return the decoded text (bytes as UTF-8), or {@code null} when an escape is malformed
     */
    public static String decode(String xtext) {
        byte[] in = xtext.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            int c = in[i] & 0xff;
            if (c == '+') {
                int hi = i + 1 < in.length ? Character.digit(in[i + 1], 16) : -1;
                int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
                if (hi < 0 || lo < 0) {
                    return null;
                }
                c = hi << 4 | lo;
                i += 2;
            }
            out[n++] = (byte) c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Decodes the {@code \x{HEX}} escapes of RFC 6533's {@code utf-8-addr-xtext}/{@code unitext}.
     *
     * @return the decoded text, or {@code null} when an escape is malformed or not a code point
     */
    public static String decodeUtf8(String uxtext) {
        StringBuilder out = new StringBuilder(uxtext.length());
        int i = 0;
        while (i < uxtext.length()) {
            char c = uxtext.charAt(i);
            if (c == '\\' && uxtext.startsWith("x{", i + 1)) {
                int close = uxtext.indexOf('}', i + 3);
                if (close < 0 || close == i + 3 || close - (i + 3) > 6) {
                    return null;
                }
                int cp;
                try {
                    cp = Integer.parseInt(uxtext.substring(i + 3, close), 16);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                    return null;
                }
                out.appendCodePoint(cp);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Encodes for an ESMTP parameter: {@code +}, {@code =} and bytes outside {@code !}..{@code ~} as {@code +HH}. */
    public static String encode(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < '!' || c > '~' || c == '+' || c == '=') {
                sb.append('+').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
