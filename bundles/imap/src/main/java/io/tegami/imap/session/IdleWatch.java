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
 * delivery) asks for the announcement; a periodic check looks for changes made by other
 * processes ({@code mailbox_idle_check_interval}) and sends Dovecot's {@code * OK Still here}
 * every {@code imap_idle_notify_interval} so that NAT boxes keep the connection.
 *
 * <p>Events come on the threads that made the changes, and the periodic tick on the handler's
 * scheduler; neither touches the session: both hand the work to the session's own thread with
 * {@code Connection.execute}, where it runs between the session's callbacks. So nothing here
 * needs a lock, and no event loop or store thread ever waits for a slow client.
 */
final class IdleWatch {

    private final ImapSession session;
    /** An announcement is queued on the session thread and has not run yet: events coalesce. */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean idling;
    private ScheduledFuture<?> periodic;
    private Instant lastKeepalive;

    IdleWatch(ImapSession session) {
        this.session = session;
    }

    /** True during IDLE. */
    boolean idling() {
        return idling;
    }

    /** IDLE began (session thread). */
    void start() {
        idling = true;
        lastKeepalive = session.services().clock().instant();
        ImapSettings settings = session.settings();
        long every = Math.max(1000, Math.min(settings.idleCheckInterval().toMillis(), settings.idleNotifyInterval().toMillis()));
        try {
            periodic = session.services().scheduler().scheduleWithFixedDelay(
                    () -> session.connection().execute(this::check), every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            periodic = null; // the handler is stopping
        }
        session.syncSelected(true, false);
    }

    /** IDLE ended (DONE, or the session ends); session thread. */
    void stop() {
        idling = false;
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    /** A store event arrived (any thread): during IDLE, the session thread announces it soon. */
    void wake() {
        if (idling && wakeQueued.compareAndSet(false, true) && !session.connection().execute(this::notifyNow)) {
            wakeQueued.set(false); // the connection is closing: nobody to tell
        }
    }

    /** Writes the pending updates (session thread). */
    void notifyNow() {
        wakeQueued.set(false);
        if (idling && !session.isClosing()) {
            session.syncSelected(true, false);
            session.out().flush();
        }
    }

    /** Looks at the disk for other processes' changes and keeps the connection alive (session thread). */
    void check() {
        if (!idling || session.isClosing()) {
            return;
        }
        SelectedMailbox selected = session.selected();
        if (selected != null) {
            long interval = session.settings().idleCheckInterval().toMillis();
            if (SharedRefresh.due(String.valueOf(session.user().home()), selected.name(),
                    session.services().clock().millis(), interval)) {
                try {
                    selected.mailbox().refresh();
                } catch (StoreException | RuntimeException e) {
                    ImapLog.debug("IDLE refresh failed: {}", e.toString());
                }
            }
            session.syncSelected(true, false);
        }
        Instant now = session.services().clock().instant();
        if (Duration.between(lastKeepalive, now).compareTo(session.settings().idleNotifyInterval()) >= 0) {
            session.out().untagged("OK Still here");
            lastKeepalive = now;
        }
        session.out().flush();
    }
}
