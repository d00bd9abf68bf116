package io.tegami.transport;

import java.time.Duration;

/**
 * An SMTP session past its greeting, EHLO, STARTTLS and AUTH: ready for mail transactions, and
 * for the connection cache between them.
 */
final class Session {

    private final SmtpChannel channel;
    private final Extensions extensions;
    private final long createdNanos = System.nanoTime();
    private int transactions;

    Session(SmtpChannel channel, Extensions extensions) {
        this.channel = channel;
        this.extensions = extensions;
    }

    SmtpChannel channel() {
        return channel;
    }

    Target target() {
        return channel.target();
    }

    Extensions extensions() {
        return extensions;
    }

    /** Counts one more mail transaction on this connection. */
    void used() {
        transactions++;
    }

    int transactions() {
        return transactions;
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - createdNanos);
    }

    /** Says goodbye without waiting for the answer ({@code smtp_skip_quit_response = yes}) and closes. */
    void quit(Duration limit) {
        try {
            channel.send("QUIT");
            channel.flush(limit);
        } catch (java.io.IOException e) {
            // the connection is going away anyway
        }
        channel.close();
    }
}
