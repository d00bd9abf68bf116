package io.tegami.store.mbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.tegami.api.store.MailboxNames;
import io.tegami.api.store.ModifiedUtf7;
import io.tegami.api.store.StoreException;

/**
 * Where one user's mbox folders are, in Dovecot's mbox layout: INBOX is the file the location's
 * {@code INBOX=} names (the spool file {@code <mail_spool_directory>/<user>}, like
 * {@code /var/mail/<user>}), or {@code <root>/inbox}; every other folder {@code a/b} is the file
 * {@code <root>/a/b}, each level in IMAP modified UTF-7 as Dovecot writes names. Folders with
 * children are directories, which hold no mail themselves. {@code .subscriptions} is in the root
 * (or {@code CONTROL=}).
 *
 * <p>Every name is checked before it becomes a path: beyond the rules all stores share
 * ({@link MailboxNames#normalize}), a level may not start with '.' (Dovecot's own files and
 * ours), end in {@code .lock} (a dot-lock), or be too long for a file name once encoded. Paths are
 * then built level by level under the root, so none can leave it.
 *
 * @param root the mail root ({@code ~/mail})
 * @param inbox the INBOX file
 * @param control where {@code .subscriptions} lives
 */
record MboxLayout(Path root, Path inbox, Path control) {

    /** The hierarchy delimiter of Dovecot's mbox layout. */
    static final char DELIMITER = '/';
    static final String SUBSCRIPTIONS = ".subscriptions";
    /** NAME_MAX less room for ".lock" and the rewrite's temporary name. */
    private static final int MAX_FILE_NAME = 255 - ".tegami-rewrite".length() - 1;

    /** Checks and normalizes a client's name. */
    static String normalize(String name) throws StoreException {
        String n = MailboxNames.normalize(name, DELIMITER);
        for (String level : n.split("/")) {
            String encoded = ModifiedUtf7.encode(level);
            if (level.startsWith(".")) {
                throw invalid(name, "a level may not start with '.'");
            }
            if (level.toLowerCase(Locale.ROOT).endsWith(".lock")) {
                throw invalid(name, "'.lock' names are lock files");
            }
            if (encoded.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME) {
                throw invalid(name, "too long");
            }
        }
        return n;
    }

    /** The file (or directory) of a normalized name. */
    Path pathOf(String normalized) {
        if (MailboxNames.isInbox(normalized)) {
            return inbox;
        }
        Path p = root;
        for (String level : normalized.split("/")) {
            p = p.resolve(ModifiedUtf7.encode(level));
        }
        if (!p.normalize().startsWith(root)) { // cannot happen after normalize(); kept as a last guard
            throw new IllegalStateException("mailbox path outside the mail root: " + p);
        }
        return p;
    }

    /** The name of a path relative to the root, or null if it is not a mailbox name. */
    static String nameOf(List<String> levels) {
        StringBuilder name = new StringBuilder();
        for (String fileName : levels) {
            if (fileName.startsWith(".") || fileName.toLowerCase(Locale.ROOT).endsWith(".lock")) {
                return null;
            }
            String level;
            try {
                level = ModifiedUtf7.decode(fileName);
            } catch (RuntimeException e) {
                return null; // not valid modified UTF-7: not a name Dovecot or Tegami wrote
            }
            if (name.length() > 0) {
                name.append(DELIMITER);
            }
            name.append(level);
        }
        try {
            return normalize(name.toString());
        } catch (StoreException e) {
            return null;
        }
    }

    Path subscriptionsFile() {
        return control.resolve(SUBSCRIPTIONS);
    }

    /** Whether the INBOX file is the root's own "inbox" (no INBOX= elsewhere). */
    boolean inboxInRoot() {
        return inbox.getParent() != null && inbox.getParent().equals(root);
    }

    private static StoreException invalid(String name, String why) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return new StoreException(StoreException.Reason.INVALID_NAME,
                "invalid mailbox name '" + shown.replaceAll("\\p{Cntrl}", "?") + "': " + why);
    }
}
