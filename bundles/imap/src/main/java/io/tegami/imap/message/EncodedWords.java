package io.tegami.imap.message;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/** Decodes RFC 2047 encoded words in header text (with mime4j), for searching and sorting. */
public final class EncodedWords {

    private EncodedWords() {
    }

    /**
     * The text with encoded words decoded and the whitespace between adjacent encoded words
     * dropped (RFC 2047 6.2); words in unknown charsets or broken encodings stay as written.
     */
    public static String decode(String text) {
        if (text == null || text.indexOf("=?") < 0) {
            return text;
        }
        try {
            return DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return text;
        }
    }
}
