package io.tegami.imap.message;

import java.text.Normalizer;

/**
 * The i;unicode-casemap comparator's canonical form (RFC 5051): every character titlecased, then
 * NFKD. IMAP SEARCH compares this way (Dovecot does), so {@code ß}, {@code Å} and {@code ﬁ}
 * match as people expect, and case never matters.
 */
final class TextFolding {

    private TextFolding() {
    }

    static String fold(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean ascii = true;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (cp >= 0x80) {
                ascii = false;
            }
            sb.appendCodePoint(Character.toTitleCase(cp));
        }
        return ascii ? sb.toString() : Normalizer.normalize(sb, Normalizer.Form.NFKD);
    }
}
