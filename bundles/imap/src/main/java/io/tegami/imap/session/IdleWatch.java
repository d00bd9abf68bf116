package io.tegami.imap.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tegami.api.store.StoreException;

/**
 * The server side of IDLE (RFC 2177) for one session: a store event (another session's change, a
 * delivery) schedules the announcement on the handler's scheduler; a periodic check looks for
 * changes made by other processes ({@code mailbox_idle_check_interval}) and sends Dovecot's
 * {@code * OK Still here} every {@code imap_idle_notify_interval} so that NAT boxes keep the
 * connection. Everything it writes happens under the session's lock.
 *
 * <p>The net API lets only the session thread use a connection; these notifications come from
 * the scheduler instead, which works with the net bundle's Netty-backed connection (writes are
 * queued to the event loop in call order, and the lock orders them against the session's own).
 * A {@code Connection.execute(Runnable)} in the net API would remove that assumption.
 */
final class IdleWatch {

    private final ImapSession session;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private volatile boolean idling;
    private ScheduledFuture<?> periodic;
    private Instant lastKeepalive;

    IdleWatch(ImapSession session) {
        this.session = session;
    }

    /** IDLE began (session thread, under the lock). */
    void start() {
        idling = true;
        lastKeepalive = session.services().clock().instant();
        ImapSettings settings = session.settings();
        long every = Math.max(1000, Math.min(settings.idleCheckInterval().toMillis(), settings.idleNotifyInterval().toMillis()));
        try {
            periodic = session.services().scheduler().scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            periodic = null; // the handler is stopping
        }
        session.syncSelected(true, false);
    }

    /** IDLE ended (DONE, or the session ends). */
    void stop() {
        idling = false;
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    /** A store event arrived (any thread): during IDLE, announce it soon. */
    void wake() {
        if (idling && wakeScheduled.compareAndSet(false, true)) {
            try {
                session.services().scheduler().execute(this::notifyNow);
            } catch (RejectedExecutionException e) {
                wakeScheduled.set(false);
            }
        }
    }

    /** Writes the pending updates. */
    void notifyNow() {
        wakeScheduled.set(false);
        session.lock().lock();
        try {
            if (idling && !session.isClosing()) {
                session.syncSelected(true, false);
                session.out().flush();
            }
        } finally {
            session.lock().unlock();
        }
    }

    /** Looks at the disk for other processes' changes and keeps the connection alive. */
    void check() {
        session.lock().lock();
        try {
            if (!idling || session.isClosing()) {
                return;
            }
            SelectedMailbox selected = session.selected();
            if (selected != null) {
                try {
                    selected.mailbox().refresh();
                } catch (StoreException | RuntimeException e) {
                    ImapLog.debug("IDLE refresh failed: {}", e.toString());
                }
                session.syncSelected(true, false);
            }
            Instant now = session.services().clock().instant();
            if (Duration.between(lastKeepalive, now).compareTo(session.settings().idleNotifyInterval()) >= 0) {
                session.out().untagged("OK Still here");
                lastKeepalive = now;
            }
            session.out().flush();
        } finally {
            session.lock().unlock();
        }
    }
}
