package io.tegami.api.delivery;

import java.util.Objects;

/**
 * The outcome of one delivery attempt, as Postfix logs it: {@code dsn=2.0.0, status=sent (delivered to maildir)}.
 *
 * @param status sent, deferred (retry later) or bounced (give up and tell the sender)
 * @param dsn the enhanced status code ({@code 2.0.0}, {@code 4.2.0}, {@code 5.1.1})
 * @param relay where it went, for the log's {@code relay=} field ({@code local}, {@code mx.example.org[192.0.2.1]:25})
 * @param detail a human-readable explanation ({@code delivered to maildir})
 */
public record DeliveryResult(Status status, String dsn, String relay, String detail) {

    /** Postfix's delivery status words. */
    public enum Status {
        /** Delivered; the recipient is done. */
        SENT,
        /** A temporary failure; try again later. */
        DEFERRED,
        /** A permanent failure; return the message to its sender. */
        BOUNCED
    }

    public DeliveryResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dsn, "dsn");
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(detail, "detail");
    }

    public static DeliveryResult sent(String relay, String detail) {
        return new DeliveryResult(Status.SENT, "2.0.0", relay, detail);
    }

    public static DeliveryResult deferred(String dsn, String relay, String detail) {
        return new DeliveryResult(Status.DEFERRED, dsn, relay, detail);
    }

    public static DeliveryResult bounced(String dsn, String relay, String detail) {
        return new DeliveryResult(Status.BOUNCED, dsn, relay, detail);
    }
}
