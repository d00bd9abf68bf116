package io.tegami.delivery;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.store.CopyResult;
import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.MailboxAttributes;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/** Hand-written fakes of the API services local delivery uses. */
final class Fakes {

    private Fakes() {
    }

    /** Parameters from a map. */
    static final class Parameters implements MailParameters {
        final Map<String, String> values = new HashMap<>();

        @Override
        public Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name));
        }

        @Override
        public List<String> getList(String name) {
            return get(name).map(v -> List.of(v.split("[,\\s]+"))).orElse(List.of());
        }

        @Override
        public boolean getBoolean(String name, boolean fallback) {
            return get(name).map(v -> v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true")).orElse(fallback);
        }

        @Override
        public long getLong(String name, long fallback) {
            return fallback;
        }

        @Override
        public Duration getDuration(String name, Duration fallback) {
            return fallback;
        }

        @Override
        public Optional<Path> getPath(String name) {
            return Optional.empty();
        }

        @Override
        public Path home() {
            return Path.of(".");
        }

        @Override
        public Map<String, String> defaults() {
            return Map.of();
        }

        @Override
        public Map<String, String> explicit() {
            return values;
        }
    }

    /** Users by name; records lookups; can be made to fail. */
    static final class Directory implements UserDirectory {
        final Map<String, User> users = new HashMap<>();
        final List<String> lookups = new ArrayList<>();
        DirectoryException failure;

        Directory with(String name) {
            return with(name, Map.of());
        }

        /** A user with userdb extra fields ({@code userdb_mail=...}). */
        Directory with(String name, Map<String, String> fields) {
            users.put(name, new User(name, -1, -1, Path.of("/home", name), fields));
            return this;
        }

        @Override
        public Optional<User> lookup(String name) throws DirectoryException {
            lookups.add(name);
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(users.get(name));
        }

        @Override
        public Optional<User> authenticate(String name, char[] password) {
            return Optional.empty();
        }
    }

    /** One appended message. */
    record Appended(User user, String mailbox, byte[] content, Set<String> flags, Instant internalDate) {
    }

    /** A store that keeps appended messages in memory (or only counts them); can be made to fail. */
    static final class Store implements MailStore {
        final List<Appended> appended = new ArrayList<>();
        StoreException openFailure;
        StoreException appendFailure;
        RuntimeException appendBug;
        boolean countOnly;
        long counted;
        /** How messages came in: Mailbox.deliver (what a delivery agent should use) or append. */
        int deliverCalls;
        int appendCalls;
        int sessionsOpen;
        int mailboxesOpen;

        @Override
        public MailboxSession open(User user) throws StoreException {
            if (openFailure != null) {
                throw openFailure;
            }
            sessionsOpen++;
            return new Session(user);
        }

        private final class Session implements MailboxSession {
            private final User user;

            Session(User user) {
                this.user = user;
            }

            @Override
            public User user() {
                return user;
            }

            @Override
            public char delimiter() {
                return '/';
            }

            @Override
            public List<MailboxInfo> list() {
                return List.of(new MailboxInfo(INBOX, Set.of(MailboxAttributes.HAS_NO_CHILDREN)));
            }

            @Override
            public Mailbox open(String name, boolean readOnly) throws StoreException {
                if (!name.equalsIgnoreCase(INBOX)) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, name);
                }
                mailboxesOpen++;
                return new Inbox(user);
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
                return List.of();
            }

            @Override
            public void close() {
                sessionsOpen--;
            }
        }

        /** Delivery only adds messages: everything else fails loudly if it is ever called. */
        private final class Inbox implements Mailbox {
            private final User user;

            Inbox(User user) {
                this.user = user;
            }

            @Override
            public String name() {
                return MailboxSession.INBOX;
            }

            @Override
            public boolean readOnly() {
                return false;
            }

            @Override
            public long uidValidity() {
                return 1;
            }

            @Override
            public long uidNext() {
                return appended.size() + 1;
            }

            @Override
            public long highestModSeq() {
                return 1;
            }

            @Override
            public void deliver(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
                deliverCalls++;
                store(content, flags, internalDate);
            }

            @Override
            public long append(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
                appendCalls++;
                return store(content, flags, internalDate);
            }

            private long store(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
                if (appendBug != null) {
                    throw appendBug;
                }
                try {
                    if (countOnly) {
                        counted = content.transferTo(OutputStreamSink.INSTANCE);
                        return 1;
                    }
                    byte[] bytes = content.readAllBytes();
                    if (appendFailure != null) {
                        throw appendFailure; // after reading: a disk that fills up while writing
                    }
                    appended.add(new Appended(user, name(), bytes, Set.copyOf(flags), internalDate));
                    return appended.size();
                } catch (IOException e) {
                    throw new StoreException(StoreException.Reason.IO, e.getMessage(), e);
                }
            }

            @Override
            public List<MessageInfo> messages() {
                return List.of();
            }

            @Override
            public List<String> keywords() {
                return List.of();
            }

            @Override
            public InputStream openMessage(long uid) {
                throw new UnsupportedOperationException();
            }

            @Override
            public FlagUpdate updateFlags(Collection<Long> uids, FlagMode mode, Set<String> flags, long unchangedSince) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Long> expunge() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Long> expunge(Collection<Long> uids) {
                throw new UnsupportedOperationException();
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
            }

            @Override
            public void removeListener(MailboxListener listener) {
            }

            @Override
            public void close() {
                mailboxesOpen--;
            }
        }
    }

    /** Discards bytes. */
    static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** A queued message whose content comes from a supplier of streams; counts open streams. */
    static final class Message implements QueuedMessage {
        final Envelope envelope;
        final StreamSource source;
        int open;

        interface StreamSource {
            InputStream open() throws IOException;
        }

        Message(Envelope envelope, String content) {
            this(envelope, () -> new ByteArrayInputStream(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        Message(Envelope envelope, StreamSource source) {
            this.envelope = envelope;
            this.source = source;
        }

        @Override
        public String queueId() {
            return "0123456789AB";
        }

        @Override
        public Envelope envelope() {
            return envelope;
        }

        @Override
        public Instant arrivalTime() {
            return Instant.EPOCH;
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public InputStream openContent() throws IOException {
            open++;
            return new FilterInputStream(source.open()) {
                private boolean closed;

                @Override
                public void close() throws IOException {
                    if (!closed) { // closing twice is allowed, and counted once
                        closed = true;
                        open--;
                    }
                    super.close();
                }
            };
        }
    }
}
