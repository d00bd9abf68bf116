package io.tegami.delivery;

import java.util.Locale;

/**
 * Maps a recipient's local part to a login name the way Postfix's local(8) does: folded to lower
 * case, and with the address extension cut off at the first {@code recipient_delimiter} character
 * ({@code Bob+lists} is user {@code bob}).
 */
final class LocalUserNames {

    private LocalUserNames() {
    }

    /**
     * @param localPart the recipient's local part
     * @param delimiters the {@code recipient_delimiter} value: any one of its characters starts an
     *        extension; empty for none
     */
    static String userName(String localPart, String delimiters) {
        String name = localPart.toLowerCase(Locale.ROOT);
        int cut = -1;
        for (int i = 0; i < delimiters.length(); i++) {
            int at = name.indexOf(delimiters.charAt(i));
            if (at > 0 && (cut < 0 || at < cut)) {
                cut = at; // at 0 there would be no user left: keep the whole name, as Postfix does
            }
        }
        return cut > 0 ? name.substring(0, cut) : name;
    }
}
