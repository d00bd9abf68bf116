package io.tegami.smtp.restriction;

/**
 * RFC 3463 enhanced status codes as Postfix handles them in access table results: dsn_valid(),
 * dsn_split() and smtpd_dsn_fix().
 */
final class Dsn {

    /** An optional status code at the start of a text, and the rest of the text. */
    record Split(String dsn, String text) {
    }

    private Dsn() {
    }

    /** dsn_valid(): {@code [245].d{1,3}.d{1,3}} without leading zeros, then the end or a blank. */
    static boolean valid(String text) {
        return length(text) > 0;
    }

    private static int length(String text) {
        if (text.length() < 5 || "245".indexOf(text.charAt(0)) < 0 || text.charAt(1) != '.') {
            return 0;
        }
        int i = digits(text, 2);
        if (i < 0 || i >= text.length() || text.charAt(i) != '.') {
            return 0;
        }
        i = digits(text, i + 1);
        if (i < 0 || (i < text.length() && !Character.isWhitespace(text.charAt(i)))) {
            return 0;
        }
        return i;
    }

    /** One to three digits without a leading zero (except "0" itself); the index after them or -1. */
    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && i - from < 4 && Character.isDigit(text.charAt(i))) {
            i++;
        }
        int len = i - from;
        if (len == 0 || len > 3 || (text.charAt(from) == '0' && len > 1)) {
            return -1;
        }
        return i;
    }

    /** dsn_split(): the text's own status code, or {@code fallback}, and the text after it. */
    static Split split(String fallback, String text) {
        String t = text.stripLeading();
        int len = length(t);
        if (len > 0) {
            return new Split(t.substring(0, len), t.substring(len).stripLeading());
        }
        return new Split(fallback, t);
    }

    /**
     * smtpd_dsn_fix(): an address status (x.1.y) is made to fit what is rejected: a sender code for
     * senders, a recipient code for recipients, and 4.0.0 for anything else.
     */
    static String fix(String status, String replyClass) {
        if (status.length() < 5 || !status.startsWith(".1.", 1)) {
            return status;
        }
        String micro = status.substring(4);
        String[][] map = {{"1", "4.1.0", "4.1.1"}, {"2", "4.1.8", "4.1.2"}, {"3", "4.1.7", "4.1.3"},
            {"4", "4.1.0", "4.1.4"}, {"5", "4.1.0", "4.1.5"}, {"6", "4.1.0", "4.1.6"}, {"7", "4.1.7", "4.1.3"},
            {"8", "4.1.8", "4.1.2"}};
        String sender = "4.1.0";
        String rcpt = "4.1.0";
        for (String[] row : map) {
            if (row[0].equals(micro)) {
                sender = row[1];
                rcpt = row[2];
            }
        }
        if (Names.SENDER.equals(replyClass)) {
            return sender;
        }
        return Names.RECIPIENT.equals(replyClass) ? rcpt : "4.0.0";
    }
}
