package io.tegami.pop3.fake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tegami.api.store.CopyResult;
import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;
import io.tegami.api.store.Flags;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;

/**
 * An in-memory store with one INBOX per user: messages kept as CRLF bytes, flags, UIDs, handles
 * with listeners. Enough of the store API for POP3; the rest throws. Counts open handles so that
 * tests can check that sessions close what they open.
 */
public final class FakeStore implements MailStore {

    /** One user's INBOX. */
    public static final class Folder {
        final TreeMap<Long, byte[]> content = new TreeMap<>();
        final Map<Long, Set<String>> flags = new HashMap<>();
        final List<Handle> handles = new CopyOnWriteArrayList<>();
        long uidValidity = 0x6b09f2d0L;
        long nextUid = 1;
        long modSeq = 1;
        /** Fails openMessage with IO (a broken disk) when set. */
        public boolean brokenReads;
        /** Fails expunge with IO when set. */
        public boolean brokenExpunge;

        /** Adds a message (LF line endings become CRLF); returns its UID. */
        public synchronized long add(String text, String... flagSet) {
            String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
            long uid = nextUid++;
            content.put(uid, crlf.getBytes(StandardCharsets.ISO_8859_1));
            flags.put(uid, new LinkedHashSet<>(List.of(flagSet)));
            return uid;
        }

        public synchronized List<Long> uids() {
            return new ArrayList<>(content.keySet());
        }

        public synchronized Set<String> flags(long uid) {
            return Set.copyOf(flags.getOrDefault(uid, Set.of()));
        }

        /** Sets a flag as another client would (IMAP STORE). */
        public synchronized void flag(long uid, String flag) {
            flags.get(uid).add(flag);
        }

        /** Removes a message as another client would (IMAP EXPUNGE). */
        public synchronized void expungeBehindTheBack(long uid) {
            content.remove(uid);
            flags.remove(uid);
        }

        public void uidValidity(long value) {
            uidValidity = value;
        }

        /** Handles open now. */
        public int openHandles() {
            return handles.size();
        }

        /** Tells every open handle the folder is gone, as a stopping store does. */
        public void closeHandles() {
            for (Handle h : handles) {
                h.listeners.forEach(MailboxListener::closed);
            }
        }

        synchronized List<MessageInfo> infos() {
            List<MessageInfo> out = new ArrayList<>();
            content.forEach((uid, bytes) -> out.add(new MessageInfo(uid, bytes.length, bytes.length,
                    Instant.EPOCH, flags.get(uid), modSeq, false)));
            return out;
        }
    }

    private final Map<String, Folder> folders = new HashMap<>();
    /** Users whose store cannot be opened. */
    public final Set<String> broken = new java.util.HashSet<>();
    public int sessionsOpened;
    public int sessionsClosed;

    public synchronized Folder inbox(String user) {
        return folders.computeIfAbsent(user, u -> new Folder());
    }

    @Override
    public MailboxSession open(User user) throws StoreException {
        if (broken.contains(user.name())) {
            throw new StoreException(StoreException.Reason.IO, "cannot open the mail of " + user.name());
        }
        sessionsOpened++;
        return new Session(user, inbox(user.name()));
    }

    private final class Session implements MailboxSession {
        private final User user;
        private final Folder folder;

        Session(User user, Folder folder) {
            this.user = user;
            this.folder = folder;
        }

        @Override
        public User user() {
            return user;
        }

        @Override
        public char delimiter() {
            return '.';
        }

        @Override
        public List<MailboxInfo> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mailbox open(String name, boolean readOnly) throws StoreException {
            if (!name.equalsIgnoreCase(INBOX)) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, name);
            }
            Handle h = new Handle(folder, readOnly);
            folder.handles.add(h);
            return h;
        }

        @Override
        public void create(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rename(String from, String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void subscribe(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void unsubscribe(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> subscriptions() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            sessionsClosed++;
        }
    }

    /** A handle on a folder. */
    static final class Handle implements Mailbox {
        final Folder folder;
        final boolean readOnly;
        final List<MailboxListener> listeners = new CopyOnWriteArrayList<>();

        Handle(Folder folder, boolean readOnly) {
            this.folder = folder;
            this.readOnly = readOnly;
        }

        @Override
        public String name() {
            return INBOX_NAME;
        }

        @Override
        public boolean readOnly() {
            return readOnly;
        }

        @Override
        public long uidValidity() {
            return folder.uidValidity;
        }

        @Override
        public long uidNext() {
            return folder.nextUid;
        }

        @Override
        public long highestModSeq() {
            return folder.modSeq;
        }

        @Override
        public long append(InputStream content, Set<String> flags, Instant internalDate) {
            try {
                return folder.add(new String(content.readAllBytes(), StandardCharsets.ISO_8859_1),
                        flags.toArray(new String[0]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<MessageInfo> messages() {
            return folder.infos();
        }

        @Override
        public List<String> keywords() {
            return List.of();
        }

        @Override
        public InputStream openMessage(long uid) throws StoreException {
            if (folder.brokenReads) {
                throw new StoreException(StoreException.Reason.IO, "read error");
            }
            synchronized (folder) {
                byte[] bytes = folder.content.get(uid);
                if (bytes == null) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, "no message " + uid);
                }
                return new ByteArrayInputStream(bytes);
            }
        }

        @Override
        public FlagUpdate updateFlags(Collection<Long> uids, FlagMode mode, Set<String> flags, long unchangedSince)
                throws StoreException {
            if (readOnly) {
                throw new StoreException(StoreException.Reason.NOT_ALLOWED, "read-only");
            }
            synchronized (folder) {
                for (long uid : uids) {
                    Set<String> set = folder.flags.get(uid);
                    if (set == null) {
                        continue;
                    }
                    switch (mode) {
                        case ADD -> set.addAll(flags);
                        case REMOVE -> set.removeAll(flags);
                        case REPLACE -> {
                            set.clear();
                            set.addAll(flags);
                        }
                    }
                }
                folder.modSeq++;
            }
            return new FlagUpdate(List.of(), List.of());
        }

        @Override
        public List<Long> expunge() throws StoreException {
            return expunge(folder.uids());
        }

        @Override
        public List<Long> expunge(Collection<Long> uids) throws StoreException {
            if (folder.brokenExpunge) {
                throw new StoreException(StoreException.Reason.IO, "expunge failed");
            }
            List<Long> gone = new ArrayList<>();
            synchronized (folder) {
                for (long uid : uids) {
                    Set<String> set = folder.flags.get(uid);
                    if (set != null && set.contains(Flags.DELETED)) {
                        folder.expungeBehindTheBack(uid);
                        gone.add(uid);
                    }
                }
            }
            gone.sort(null);
            return gone;
        }

        @Override
        public CopyResult copy(Collection<Long> uids, Mailbox target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CopyResult move(Collection<Long> uids, Mailbox target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void refresh() {
        }

        @Override
        public void addListener(MailboxListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(MailboxListener listener) {
            listeners.remove(listener);
        }

        @Override
        public void close() {
            folder.handles.remove(this);
        }

        private static final String INBOX_NAME = MailboxSession.INBOX;
    }
}
