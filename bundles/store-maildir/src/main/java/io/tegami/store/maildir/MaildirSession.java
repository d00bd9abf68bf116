package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.Quota;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;

/**
 * One user's Maildir++ folder tree. Holds no open files: every operation goes to disk, which
 * other sessions, Dovecot and mutt share. Handles opened here are closed with the session.
 */
final class MaildirSession implements MailboxSession {

    private final User user;
    private final MaildirLayout layout;
    private final MaildirFolders folders;
    private final FolderRegistry registry;
    private final Map<String, String> specialUse;
    private final SubscriptionsFile subscriptions;
    private final List<MaildirMailbox> opened = new ArrayList<>();
    private final MaildirQuota quota;

    MaildirSession(User user, MaildirLayout layout, FolderRegistry registry, Map<String, String> specialUse,
            MaildirQuota quota) {
        this.user = user;
        this.quota = quota;
        this.layout = layout;
        this.folders = new MaildirFolders(layout);
        this.registry = registry;
        this.specialUse = specialUse;
        this.subscriptions = new SubscriptionsFile(layout.separateControl() ? layout.controlRoot() : layout.root());
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
    public List<MailboxInfo> list() throws StoreException {
        try {
            return FolderLister.list(layout.list(), specialUse);
        } catch (IOException e) {
            throw FsSupport.failure("listing mailboxes of " + user.name(), e);
        }
    }

    @Override
    public Mailbox open(String name, boolean readOnly) throws StoreException {
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
            FolderState state = registry.acquire(dir, control);
            if (state == null) {
                throw new StoreException(StoreException.Reason.IO, "the maildir store is stopping");
            }
            MaildirMailbox box = new MaildirMailbox(n, readOnly, state, registry, quota);
            synchronized (opened) {
                opened.removeIf(b -> b.isClosedByOwner());
                opened.add(box);
            }
            return box;
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
            Path dir = layout.mailboxDir(n);
            // Counted before: the messages leave the quota with the folder, as if expunged.
            MaildirSizeCounter.Count gone = quota.enabled() && Files.isDirectory(dir)
                    ? MaildirSizeCounter.countFolder(dir) : null;
            folders.delete(n, layout.list());
            registry.closeFolders(List.of(dir));
            if (gone != null) {
                quota.changed(n, -gone.bytes(), -gone.messages());
            }
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
                FolderState inbox = registry.find(layout.inbox());
                if (inbox != null) {
                    // INBOX's open sessions see its messages go, as if expunged by another program
                    inbox.lock.lock();
                    try {
                        inbox.sync();
                    } finally {
                        inbox.lock.unlock();
                    }
                }
            } else {
                registry.closeFolders(folders.rename(f, t, layout.list()));
            }
        } catch (IOException e) {
            throw FsSupport.failure("renaming " + f + " to " + t, e);
        }
    }

    @Override
    public void subscribe(String name) throws StoreException {
        String n = MailboxNames.normalize(name);
        try {
            subscriptions.set(n, true);
        } catch (IOException e) {
            throw FsSupport.failure("subscribing to " + n, e);
        }
    }

    @Override
    public void unsubscribe(String name) throws StoreException {
        String n = MailboxNames.normalize(name);
        try {
            subscriptions.set(n, false);
        } catch (IOException e) {
            throw FsSupport.failure("unsubscribing from " + n, e);
        }
    }

    @Override
    public List<String> subscriptions() throws StoreException {
        try {
            return subscriptions.read();
        } catch (IOException e) {
            throw FsSupport.failure("reading subscriptions of " + user.name(), e);
        }
    }

    @Override
    public Optional<Quota> quota() throws StoreException {
        return quota.report();
    }

    @Override
    public Optional<Quota> recalculateQuota() throws StoreException {
        return quota.recalculate();
    }

    @Override
    public void close() {
        List<MaildirMailbox> all;
        synchronized (opened) {
            all = new ArrayList<>(opened);
            opened.clear();
        }
        for (MaildirMailbox b : all) {
            b.close();
        }
    }
}
