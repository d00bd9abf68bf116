package io.tegami.itests;

import java.util.ArrayList;
import java.util.List;

/**
 * What the clients of a hot-swap test saw, with the time they saw it: a protocol's goodbye, a
 * refused connection, a rejected command, any other error, and each successful reconnection.
 * The test attributes events to the swap whose time window holds them.
 */
final class SwapJournal {

    /** What happened to a client. */
    enum Kind {
        /** The protocol's goodbye: SMTP 421, IMAP {@code * BYE}, POP3 {@code -ERR}. */
        GOODBYE,
        /** The connection was refused (nothing listened). */
        REFUSED,
        /** A command got a refusal in the protocol (SMTP 4xx/5xx other than 421, IMAP NO/BAD). */
        REJECTED,
        /** Anything else: a reset, a close without goodbye, a timeout, an unexpected reply. */
        ERROR,
        /** A session was set up again after one of the above. */
        RECONNECTED
    }

    /** One event. */
    record Event(long at, String client, Kind kind, String text) {
        @Override
        public String toString() {
            return String.format("%tT.%<tL %-10s %-11s %s", at, client, kind, text);
        }
    }

    private final List<Event> events = new ArrayList<>();

    synchronized void record(String client, Kind kind, String text) {
        events.add(new Event(System.currentTimeMillis(), client, kind, text));
    }

    /** Events at or after {@code from} and before {@code to}. */
    synchronized List<Event> between(long from, long to) {
        return events.stream().filter(e -> e.at() >= from && e.at() < to).toList();
    }

    synchronized List<Event> all() {
        return new ArrayList<>(events);
    }
}
