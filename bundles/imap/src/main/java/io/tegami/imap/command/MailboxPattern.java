package io.tegami.imap.command;

/**
 * A LIST or LSUB pattern (RFC 3501 6.3.8): {@code *} matches anything, {@code %} anything but
 * the hierarchy delimiter. The reference is joined to the pattern first; INBOX at the start of
 * the pattern matches without case. Matching is a dynamic program over the name, linear in
 * pattern times name length, so no pattern can make it explode.
 */
final class MailboxPattern {

    /** The longest pattern accepted, in characters. */
    static final int MAX_LENGTH = 1024;

    private final String pattern;
    private final char delimiter;

    private MailboxPattern(String pattern, char delimiter) {
        this.pattern = pattern;
        this.delimiter = delimiter;
    }

    /**
     * The pattern for {@code reference} and {@code mailbox} (both Unicode).
     *
     * @return null if it is too long
     */
    static MailboxPattern of(String reference, String mailbox, char delimiter) {
        String joined;
        if (reference.isEmpty()) {
            joined = mailbox;
        } else if (!mailbox.isEmpty() && mailbox.charAt(0) == delimiter && reference.endsWith(String.valueOf(delimiter))) {
            joined = reference + mailbox.substring(1);
        } else {
            joined = reference + mailbox;
        }
        if (joined.length() > MAX_LENGTH) {
            return null;
        }
        return new MailboxPattern(WireNames.normalizeInbox(collapse(joined), delimiter), delimiter);
    }

    /** Runs of wildcards that mean the same as one ({@code **}, {@code %*}) are shortened. */
    private static String collapse(String p) {
        StringBuilder sb = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            int last = sb.length() - 1;
            if (c == '*' && last >= 0 && (sb.charAt(last) == '*' || sb.charAt(last) == '%')) {
                sb.setCharAt(last, '*');
                continue;
            }
            if (c == '%' && last >= 0 && (sb.charAt(last) == '%' || sb.charAt(last) == '*')) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The pattern, joined and normalized. */
    String text() {
        return pattern;
    }

    /** Whether {@code name} (normalized) matches. */
    boolean matches(String name) {
        int n = name.length();
        boolean[] row = new boolean[n + 1];
        row[0] = true;
        for (int j = 0; j < pattern.length(); j++) {
            char p = pattern.charAt(j);
            boolean[] next = new boolean[n + 1];
            boolean any = false;
            if (p == '*') {
                boolean reach = false;
                for (int i = 0; i <= n; i++) {
                    reach |= row[i];
                    next[i] = reach;
                    any |= reach;
                }
            } else if (p == '%') {
                boolean reach = false;
                for (int i = 0; i <= n; i++) {
                    if (i > 0 && name.charAt(i - 1) == delimiter) {
                        reach = false;
                    }
                    reach |= row[i];
                    next[i] = reach;
                    any |= reach;
                }
            } else {
                for (int i = 1; i <= n; i++) {
                    next[i] = row[i - 1] && name.charAt(i - 1) == p;
                    any |= next[i];
                }
            }
            if (!any) {
                return false;
            }
            row = next;
        }
        return row[n];
    }
}
