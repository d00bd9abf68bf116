package io.tegami.webconsole;

/**
 * HTML escaping for text and attribute values. Everything a page shows comes from mail (senders,
 * recipients, deferral reasons) or from clients (user names, addresses), so every value goes through
 * {@link #escape} before it reaches the page.
 */
final class Html {

    private Html() {
    }

    /** The text with {@code & < > " '} replaced by entities, safe in element text and quoted attributes. */
    static String escape(Object value) {
        String s = value == null ? "" : value.toString();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity == null && Character.isISOControl(c) && c != '\n' && c != '\t') {
                entity = "&#xFFFD;"; // control characters from a hostile envelope: show a replacement
            }
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(entity);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
