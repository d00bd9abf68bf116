package io.tegami.imap.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds message IDs ({@code <left@right>}, RFC 5322 3.6.4) in Message-ID, In-Reply-To and
 * References values, skipping comments, phrases and anything else that is no valid ID.
 */
final class MessageIds {

    private static final int MAX_IDS = 1000;

    private MessageIds() {
    }

    /** The valid IDs, without angle brackets and whitespace, in order. */
    static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        int i = 0;
        int n = value.length();
        while (i < n && ids.size() < MAX_IDS) {
            char c = value.charAt(i);
            if (c == '(') {
                i = skipComment(value, i);
            } else if (c == '"') {
                int end = value.indexOf('"', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '<') {
                int end = value.indexOf('>', i + 1);
                if (end < 0) {
                    break;
                }
                String id = strip(value.substring(i + 1, end));
                if (valid(id)) {
                    ids.add(id);
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return ids;
    }

    /** The first valid ID, or null. */
    static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static boolean valid(String id) {
        int at = id.indexOf('@');
        return at > 0 && at < id.length() - 1 && id.indexOf('<') < 0;
    }

    /** Drops whitespace and comments inside the brackets (obsolete syntax allows CFWS there). */
    private static String strip(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                i = skipComment(s, i) - 1;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int skipComment(String s, int i) {
        int depth = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }
}
