package io.tegami.store.maildir;

import java.nio.charset.StandardCharsets;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * Checks and normalizes mailbox names from clients for the Maildir++ layout, where folder
 * {@code A.B} is the directory {@code .A.B} under the mail root. Everything that could reach
 * outside that one level is refused: separators, NUL and control characters, leading or doubled
 * dots, and names too long to be a directory entry. Names are case-sensitive except INBOX.
 */
final class MailboxNames {

    /** The hierarchy delimiter of Dovecot's default Maildir++ namespace. */
    static final char DELIMITER = '.';
    /** NAME_MAX on Linux and the BSDs; the directory name is '.' plus the mailbox name. */
    private static final int NAME_MAX = 255;

    private MailboxNames() {
    }

    /**
     * The normalized name: INBOX in upper case, including as the first level of a child
     * ({@code inbox.Sent} becomes {@code INBOX.Sent}).
     *
     * @throws StoreException INVALID_NAME if the name is not allowed
     */
    static String normalize(String name) throws StoreException {
        if (name == null || name.isEmpty()) {
            throw invalid(name, "empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') {
                throw invalid(name, "contains a separator or control character");
            }
        }
        if (name.charAt(0) == DELIMITER || name.charAt(name.length() - 1) == DELIMITER
                || name.contains("" + DELIMITER + DELIMITER)) {
            throw invalid(name, "empty hierarchy level");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length + 1 > NAME_MAX) {
            throw invalid(name, "too long");
        }
        int dot = name.indexOf(DELIMITER);
        String first = dot < 0 ? name : name.substring(0, dot);
        if (first.equalsIgnoreCase(MailboxSession.INBOX)) {
            return MailboxSession.INBOX + (dot < 0 ? "" : name.substring(dot));
        }
        return name;
    }

    static boolean isInbox(String normalized) {
        return MailboxSession.INBOX.equals(normalized);
    }

    /** The parents of a name, outermost first: {@code a.b.c} gives {@code a}, {@code a.b}. */
    static String[] parents(String normalized) {
        String[] levels = normalized.split("\\" + DELIMITER);
        String[] parents = new String[levels.length - 1];
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parents.length; i++) {
            if (i > 0) {
                prefix.append(DELIMITER);
            }
            prefix.append(levels[i]);
            parents[i] = prefix.toString();
        }
        return parents;
    }

    private static StoreException invalid(String name, String why) {
        return new StoreException(StoreException.Reason.INVALID_NAME, "invalid mailbox name '" + name + "': " + why);
    }
}
