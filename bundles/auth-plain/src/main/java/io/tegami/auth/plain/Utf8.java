package io.tegami.auth.plain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict UTF-8 decoding of SASL fields (RFC 4616 requires UTF-8): malformed input is refused
 * rather than replaced, and passwords are decoded into arrays that the caller can wipe, never
 * into Strings.
 */
final class Utf8 {

    private Utf8() {
    }

    /** Bytes {@code from..to} as a String, or {@code null} when they are not UTF-8. */
    static String string(byte[] bytes, int from, int to) {
        CharBuffer chars = decode(bytes, from, to);
        return chars == null ? null : chars.toString();
    }

    /** Bytes {@code from..to} as characters to be wiped after use, or {@code null} when not UTF-8. */
    static char[] chars(byte[] bytes, int from, int to) {
        CharBuffer decoded = decode(bytes, from, to);
        if (decoded == null) {
            return null;
        }
        char[] out = new char[decoded.remaining()];
        decoded.get(out);
        if (decoded.hasArray()) {
            Arrays.fill(decoded.array(), '\0');
        }
        return out;
    }

    /**
     * A user name a client may give: not empty, no control characters (they would forge log lines),
     * no more than 255 octets (RFC 4616's minimum that servers must accept; longer is an attack).
     */
    static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            return false;
        }
        return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static CharBuffer decode(byte[] bytes, int from, int to) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, from, to - from));
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
