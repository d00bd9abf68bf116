package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * Where mailboxes live in Dovecot's default Maildir++ layout: INBOX is the root maildir (or the
 * {@code INBOX=} path), folder {@code A.B} is {@code <root>/.A.B} with a {@code maildirfolder}
 * marker, and control files (dovecot-uidlist, dovecot-keywords) sit in the maildir unless
 * {@code CONTROL=} moves them to a parallel tree.
 *
 * @param root the mail root
 * @param inbox INBOX's maildir
 * @param controlRoot the CONTROL= directory, or null for control files inside each maildir
 */
record MaildirLayout(Path root, Path inbox, Path controlRoot) {

    /** The marker Dovecot and Courier put in each Maildir++ folder. */
    static final String FOLDER_MARKER = "maildirfolder";
    /** Where Dovecot moves a Maildir++ folder being deleted; never listed as a mailbox. */
    static final String TRASH = "..DOVECOT-TRASHED";

    /** The maildir of a normalized name, proven to be directly below the root. */
    Path mailboxDir(String name) throws StoreException {
        return MailboxNames.isInbox(name) ? inbox : below(root, name);
    }

    /** Where a mailbox's control files are. */
    Path controlDir(String name) throws StoreException {
        if (controlRoot == null) {
            return mailboxDir(name);
        }
        return MailboxNames.isInbox(name) ? controlRoot : below(controlRoot, name);
    }

    /** Whether control files live apart from the maildirs. */
    boolean separateControl() {
        return controlRoot != null;
    }

    private static Path below(Path dir, String name) throws StoreException {
        String entry = "." + MailboxNames.diskName(name);
        Path p = dir.resolve(entry).normalize();
        // Belt and braces after MailboxNames: the result must be exactly one entry below dir.
        if (!dir.normalize().equals(p.getParent()) || !p.getFileName().toString().equals(entry)) {
            throw new StoreException(StoreException.Reason.INVALID_NAME, "mailbox name leaves the mail root: " + name);
        }
        return p;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MaildirLayout.class);

    /** INBOX, then every folder, sorted. */
    List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path p : entries) {
                String entry = p.getFileName().toString();
                // ".x" is a folder; "..x" is Dovecot's trash or not a valid name; "." and ".." never
                if (entry.length() > 1 && entry.charAt(0) == '.' && entry.charAt(1) != '.' && Files.isDirectory(p)) {
                    String name = MailboxNames.fromDisk(entry.substring(1));
                    if (name == null) {
                        LOG.debug("{}: not a modified UTF-7 folder name, ignored", p);
                    } else if (!MailboxNames.isInbox(name)) {
                        names.add(name);
                    }
                }
            }
        }
        names.sort(null);
        names.add(0, MailboxSession.INBOX);
        return names;
    }

    /** Creates a maildir with its parents, tmp/ new/ cur/ (0700), and the folder marker for folders. */
    static void createMaildir(Path dir, boolean folder) throws IOException {
        FsSupport.createPrivateDirectories(dir);
        completeMaildir(dir, folder);
    }

    /**
     * Adds what an existing maildir lacks (tmp/ new/ cur/, the folder marker). Unlike
     * {@link #createMaildir} it fails rather than bring back a directory deleted meanwhile.
     */
    static void completeMaildir(Path dir, boolean folder) throws IOException {
        for (String sub : new String[] {"tmp", "new", "cur"}) {
            FsSupport.createPrivateDirectory(dir.resolve(sub));
        }
        if (folder) {
            FsSupport.touchPrivateFile(dir.resolve(FOLDER_MARKER));
        }
    }
}
