package io.tegami.api.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * IMAP's modified UTF-7 for mailbox names (RFC 3501 5.1.3): printable ASCII stands for itself,
 * {@code &} is {@code &-}, anything else is {@code &}, modified BASE64 of UTF-16BE ({@code ,}
 * instead of {@code /}, no padding), {@code -}. The IMAP layer uses it on the wire; stores use it
 * on disk where Dovecot does (Maildir++ folder names, mbox file names).
 */
public final class ModifiedUtf7 {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private ModifiedUtf7() {
    }

    /** Encodes a Unicode name. */
    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c == '&' ? "&-" : String.valueOf(c));
                i++;
                continue;
            }
            int end = i;
            while (end < name.length() && (name.charAt(end) < 0x20 || name.charAt(end) > 0x7e)) {
                end++;
            }
            byte[] utf16 = name.substring(i, end).getBytes(StandardCharsets.UTF_16BE);
            out.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
            i = end;
        }
        return out.toString();
    }

    /**
     * Decodes a modified UTF-7 name.
     *
     * @throws IllegalArgumentException if it is not valid modified UTF-7 (non-ASCII or control
     *         characters, an unterminated or badly padded shift, UTF-16 that is not whole, or a
     *         shift encoding what could have been written plainly)
     */
    public static String decode(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("not modified UTF-7: character " + (int) c);
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int dash = encoded.indexOf('-', i + 1);
            if (dash < 0) {
                throw new IllegalArgumentException("unterminated & in modified UTF-7");
            }
            if (dash == i + 1) {
                out.append('&');
                i = dash + 1;
                continue;
            }
            String b64 = encoded.substring(i + 1, dash).replace(',', '/');
            if (b64.indexOf('=') >= 0 || b64.length() % 4 == 1) {
                throw new IllegalArgumentException("bad base64 in modified UTF-7");
            }
            byte[] bytes;
            try {
                bytes = DECODER.decode(b64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad base64 in modified UTF-7", e);
            }
            if (bytes.length % 2 != 0) {
                throw new IllegalArgumentException("odd UTF-16 length in modified UTF-7");
            }
            // Decoded by hand: a charset decoder would turn broken surrogates into U+FFFD silently.
            char[] chunk = new char[bytes.length / 2];
            for (int k = 0; k < chunk.length; k++) {
                chunk[k] = (char) (((bytes[2 * k] & 0xff) << 8) | (bytes[2 * k + 1] & 0xff));
            }
            for (int k = 0; k < chunk.length; k++) {
                char d = chunk[k];
                if (d >= 0x20 && d <= 0x7e) {
                    throw new IllegalArgumentException("printable ASCII shifted in modified UTF-7");
                }
                boolean unpairedHigh = Character.isHighSurrogate(d)
                        && (k + 1 >= chunk.length || !Character.isLowSurrogate(chunk[k + 1]));
                boolean unpairedLow = Character.isLowSurrogate(d) && (k == 0 || !Character.isHighSurrogate(chunk[k - 1]));
                if (unpairedHigh || unpairedLow) {
                    throw new IllegalArgumentException("unpaired surrogate in modified UTF-7");
                }
            }
            out.append(chunk);
            i = dash + 1;
        }
        return out.toString();
    }
}
