package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxNames;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.Quota;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;

/** One user's mbox folders, opened by {@link MboxStore}. Holds no open files between calls. */
final class MboxSession implements MailboxSession {

    private final User user;
    private final MboxLayout layout;
    private final FolderRegistry registry;
    private final MboxFolders folders;
    private final Subscriptions subscriptions;
    private final Set<MboxMailbox> handles = ConcurrentHashMap.newKeySet();
    private final MboxQuota quota;
    private volatile boolean closed;

    MboxSession(User user, MboxLayout layout, FolderRegistry registry, MboxFolders folders, MboxQuota quota) {
        this.user = user;
        this.quota = quota;
        this.layout = layout;
        this.registry = registry;
        this.folders = folders;
        this.subscriptions = new Subscriptions(layout.subscriptionsFile(), registry.lockSettings());
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public char delimiter() {
        return MboxLayout.DELIMITER;
    }

    @Override
    public List<MailboxInfo> list() throws StoreException {
        check();
        try {
            return folders.list();
        } catch (IOException e) {
            throw FsSupport.failure("listing the mailboxes of " + user.name(), e);
        }
    }

    @Override
    public Mailbox open(String name, boolean readOnly) throws StoreException {
        check();
        String n = MboxLayout.normalize(name);
        Path file = layout.pathOf(n);
        if (MailboxNames.isInbox(n)) {
            createInbox();
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "no mailbox " + n);
        }
        Folder folder = registry.folder(file, n);
        MboxMailbox box = new MboxMailbox(folder, readOnly, this);
        handles.add(box);
        folder.register(box);
        return box;
    }

    /** Creates the INBOX file if it is missing (a new user, or a spool file Postfix has not made yet). */
    void createInbox() throws StoreException {
        try {
            if (!Files.exists(layout.inbox())) {
                FsSupport.createPrivateDirectories(layout.inbox().getParent());
                FsSupport.createEmptyFile(layout.inbox());
            }
        } catch (IOException e) {
            throw FsSupport.failure("creating the INBOX of " + user.name(), e);
        }
    }

    @Override
    public void create(String name) throws StoreException {
        check();
        String n = MboxLayout.normalize(name);
        try {
            folders.create(n);
        } catch (IOException e) {
            throw FsSupport.failure("creating " + n, e);
        }
    }

    @Override
    public void delete(String name) throws StoreException {
        check();
        String n = MboxLayout.normalize(name);
        try {
            folders.delete(n);
        } catch (IOException e) {
            throw FsSupport.failure("deleting " + n, e);
        }
    }

    @Override
    public void rename(String from, String to) throws StoreException {
        check();
        String f = MboxLayout.normalize(from);
        String t = MboxLayout.normalize(to);
        try {
            folders.rename(f, t);
        } catch (IOException e) {
            throw FsSupport.failure("renaming " + f + " to " + t, e);
        }
    }

    @Override
    public void subscribe(String name) throws StoreException {
        setSubscribed(name, true);
    }

    @Override
    public void unsubscribe(String name) throws StoreException {
        setSubscribed(name, false);
    }

    private void setSubscribed(String name, boolean subscribed) throws StoreException {
        check();
        String n = MboxLayout.normalize(name);
        try {
            subscriptions.set(n, subscribed);
        } catch (IOException e) {
            throw FsSupport.failure("updating the subscriptions of " + user.name(), e);
        }
    }

    @Override
    public List<String> subscriptions() throws StoreException {
        check();
        try {
            return subscriptions.list();
        } catch (IOException e) {
            throw FsSupport.failure("reading the subscriptions of " + user.name(), e);
        }
    }

    @Override
    public Optional<Quota> quota() throws StoreException {
        check();
        return quota.report();
    }

    /**
     * doveadm quota recalc: the usage is counted from the folders every time (Dovecot's
     * {@code count} backend), with nothing stored to rewrite, so a recount is a fresh report;
     * folders whose file changed are read again.
     */
    @Override
    public Optional<Quota> recalculateQuota() throws StoreException {
        check();
        return quota.report();
    }

    /** The user's quota, for the handles of this session. */
    MboxQuota quotaRules() {
        return quota;
    }

    void forget(MboxMailbox box) {
        handles.remove(box);
    }

    private void check() throws StoreException {
        if (closed) {
            throw new StoreException(StoreException.Reason.IO, "the mail session of " + user.name() + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        for (MboxMailbox box : new ArrayList<>(handles)) {
            box.close();
        }
    }
}
