package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;

/**
 * One user's Maildir++ mailboxes. Holds no open files: every operation goes to disk, which other
 * sessions, Dovecot and mutt share.
 */
final class MaildirSession implements MailboxSession {

    private final User user;
    private final MaildirLayout layout;
    private final MaildirFolders folders;

    MaildirSession(User user, MaildirLayout layout) {
        this.user = user;
        this.layout = layout;
        this.folders = new MaildirFolders(layout);
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public char delimiter() {
        return MailboxNames.DELIMITER;
    }

    @Override
    public List<String> list() throws StoreException {
        try {
            return layout.list();
        } catch (IOException e) {
            throw FsSupport.failure("listing mailboxes of " + user.name(), e);
        }
    }

    @Override
    public Mailbox open(String name) throws StoreException {
        String n = MailboxNames.normalize(name);
        Path dir = layout.mailboxDir(n);
        if (!Files.isDirectory(dir)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no mailbox " + n);
        }
        try {
            // A folder made by hand (or by an older client) may lack tmp/ new/ cur/.
            MaildirLayout.completeMaildir(dir, !MailboxNames.isInbox(n));
            Path control = layout.controlDir(n);
            if (layout.separateControl()) {
                FsSupport.createPrivateDirectories(control);
            }
            return new MaildirMailbox(n, dir, control);
        } catch (IOException e) {
            throw FsSupport.failure("opening " + n, e);
        }
    }

    @Override
    public void create(String name) throws StoreException {
        String n = MailboxNames.normalize(name);
        try {
            folders.create(n);
        } catch (IOException e) {
            throw FsSupport.failure("creating " + n, e);
        }
    }

    @Override
    public void delete(String name) throws StoreException {
        String n = MailboxNames.normalize(name);
        try {
            folders.delete(n);
        } catch (IOException e) {
            throw FsSupport.failure("deleting " + n, e);
        }
    }

    @Override
    public void rename(String from, String to) throws StoreException {
        String f = MailboxNames.normalize(from);
        String t = MailboxNames.normalize(to);
        try {
            if (MailboxNames.isInbox(f)) {
                new InboxMover(layout, folders).moveTo(t);
            } else {
                folders.rename(f, t, layout.list());
            }
        } catch (IOException e) {
            throw FsSupport.failure("renaming " + f + " to " + t, e);
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
