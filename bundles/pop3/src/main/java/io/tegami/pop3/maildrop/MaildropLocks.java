package io.tegami.pop3.maildrop;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The POP3 session lock (RFC 1939 section 8: "the POP3 server acquires an exclusive-access lock on
 * the maildrop"), held by a POP3 session from login to its end. Like Dovecot's
 * {@code pop3_lock_session}, it only keeps a second POP3 session of the same mailbox out (which
 * answers {@code -ERR [IN-USE]}); IMAP and delivery go on. The lock lives in this JVM, so a
 * crashed session cannot leave a stale lock file behind.
 */
public final class MaildropLocks {

    /** A held lock; closing it releases it once. */
    public final class Lock implements AutoCloseable {

        private final String key;

        private Lock(String key) {
            this.key = key;
        }

        @Override
        public void close() {
            held.remove(key, this);
        }
    }

    private final ConcurrentMap<String, Lock> held = new ConcurrentHashMap<>();

    /**
     * Takes the lock of a user's mailbox in a store.
     *
     * @return the lock, or empty when another session holds it
     */
    public Optional<Lock> tryLock(String storeType, String user, String mailbox) {
        String key = storeType + '\0' + user + '\0' + mailbox;
        Lock lock = new Lock(key);
        return held.putIfAbsent(key, lock) == null ? Optional.of(lock) : Optional.empty();
    }

    /** Whether a session holds the lock now. */
    public boolean isLocked(String storeType, String user, String mailbox) {
        return held.containsKey(storeType + '\0' + user + '\0' + mailbox);
    }
}
