package io.tegami.smtp.session;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Postfix's {@code anvil} rate counters, in memory and shared by every session of one SMTP
 * handler: per listener (master.cf service) and client address, how many connections, messages
 * (MAIL), recipients (RCPT) and AUTH commands it sent in the current time unit
 * ({@code anvil_rate_time_unit}).
 *
 * <p>As in anvil, one window per client starts at its first event and all its counters start
 * again once the time unit has passed since then (a fixed window, not a sliding one). Memory is
 * bounded: windows whose time unit has passed are swept out as the table grows, and at
 * {@value #MAX_CLIENTS} clients new ones are not counted (they pass) until the sweep makes room.
 */
public final class AnvilTable {

    /** What is counted. */
    public enum Event { CONNECTION, MESSAGE, RECIPIENT, AUTH }

    static final int MAX_CLIENTS = 100_000;
    /** The table is swept once it has grown by this many clients since the last sweep. */
    private static final int SWEEP_STEP = 1_000;

    private record Key(String service, InetAddress client) {
    }

    /** One client's counters; guarded by itself. */
    private static final class Window {
        long start;
        final int[] counts = new int[Event.values().length];

        Window(long start) {
            this.start = start;
        }
    }

    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier millis;
    private volatile int sweepAt = SWEEP_STEP;

    public AnvilTable() {
        this(System::currentTimeMillis);
    }

    /** For tests: a clock in milliseconds. */
    public AnvilTable(LongSupplier millis) {
        this.millis = millis;
    }

    /**
     * Counts one event and returns the client's rate for it: the events of this kind in the
     * current time unit, this one included. 0 when the client cannot be counted.
     *
     * @param unitMillis {@code anvil_rate_time_unit}
     */
    public int count(String service, InetAddress client, Event event, long unitMillis) {
        if (client == null) {
            return 0;
        }
        long now = millis.getAsLong();
        Key key = new Key(service, client);
        Window w = windows.get(key);
        if (w == null) {
            if (windows.size() >= sweepAt) {
                sweep(now, unitMillis);
            }
            if (windows.size() >= MAX_CLIENTS) {
                return 0; // full of clients active within the time unit: fail open, as anvil does when it is down
            }
            w = windows.computeIfAbsent(key, k -> new Window(now));
        }
        synchronized (w) {
            if (now - w.start >= unitMillis) {
                w.start = now;
                java.util.Arrays.fill(w.counts, 0);
            }
            return ++w.counts[event.ordinal()];
        }
    }

    /** Drops the windows whose time unit has passed: their clients would start from zero anyway. */
    synchronized void sweep(long now, long unitMillis) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext();) {
            Window w = it.next();
            synchronized (w) {
                if (now - w.start >= unitMillis) {
                    it.remove();
                }
            }
        }
        sweepAt = Math.min(MAX_CLIENTS, windows.size() + SWEEP_STEP);
    }

    /** How many clients are tracked now. */
    public int size() {
        return windows.size();
    }
}
