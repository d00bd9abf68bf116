package io.tegami.imap.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw header bytes into text. Headers should be ASCII; 8-bit ones are nearly always UTF-8
 * today (RFC 6532), so bytes that are valid UTF-8 are read as UTF-8 and anything else as
 * ISO-8859-1, which never fails. RFC 2047 encoded words are left as they are here: IMAP ENVELOPE
 * and BODYSTRUCTURE send them raw; {@link EncodedWords} decodes them for SEARCH and SORT.
 */
final class HeaderText {

    private HeaderText() {
    }

    static String decode(byte[] b, int off, int len) {
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, off, len, StandardCharsets.US_ASCII);
        }
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
    }

    /** The value without the CR and LF of folding (the whitespace that follows them stays). */
    static String unfold(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Unfolded and trimmed of leading and trailing whitespace; null stays null. */
    static String clean(String value) {
        return value == null ? null : unfold(value).strip();
    }
}
