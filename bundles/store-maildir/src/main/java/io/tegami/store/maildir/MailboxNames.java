package io.tegami.store.maildir;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.ModifiedUtf7;
import io.tegami.api.store.StoreException;

/**
 * Mailbox names in the Maildir++ layout, where folder {@code A.B} is the directory {@code .A.B}
 * under the mail root and the name is written in IMAP modified UTF-7, as Dovecot writes it
 * ({@code Entwürfe} is {@code .Entw&APw-rfe}). Names are checked by the API's common rules
 * ({@link io.tegami.api.store.MailboxNames}), and the directory entry must fit NAME_MAX.
 */
final class MailboxNames {

    /** The hierarchy delimiter of Dovecot's default Maildir++ namespace. */
    static final char DELIMITER = '.';
    /** NAME_MAX on Linux and the BSDs; the directory name is '.' plus the encoded name. */
    private static final int NAME_MAX = 255;

    private MailboxNames() {
    }

    /**
     * The normalized name (INBOX in upper case, also as the first level of a child).
     *
     * @throws StoreException INVALID_NAME if the name is not allowed
     */
    static String normalize(String name) throws StoreException {
        String n = io.tegami.api.store.MailboxNames.normalize(name, DELIMITER);
        if (diskName(n).getBytes(StandardCharsets.US_ASCII).length + 1 > NAME_MAX) {
            throw new StoreException(StoreException.Reason.INVALID_NAME, "invalid mailbox name: too long");
        }
        return n;
    }

    /** The name as written on disk (modified UTF-7). */
    static String diskName(String normalized) {
        return ModifiedUtf7.encode(normalized);
    }

    /** The Unicode name of a directory entry's name part, or null if it is not valid modified UTF-7. */
    static String fromDisk(String diskName) {
        try {
            return ModifiedUtf7.decode(diskName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isInbox(String normalized) {
        return MailboxSession.INBOX.equals(normalized);
    }

    /** The parents of a name, outermost first: {@code a.b.c} gives {@code a}, {@code a.b}. */
    static List<String> parents(String normalized) {
        return io.tegami.api.store.MailboxNames.parents(normalized, DELIMITER);
    }
}
