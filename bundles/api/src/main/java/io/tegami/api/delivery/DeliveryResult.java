package io.tegami.api.delivery;

import java.util.Objects;

/**
 * The outcome of one delivery attempt, as Postfix logs it: {@code dsn=2.0.0, status=sent (delivered to maildir)}.
 *
 * <p>Since 1.1 a result may also carry what a delivery status notification (RFC 3464) reports
 * about a remote server: its {@code Remote-MTA} and the {@code Diagnostic-Code} it answered with.
 * Both are {@code null} when no remote server took part (local delivery, a DNS failure).
 *
 * <p>Since 1.2 a successful result may say that the next hop took over the sender's delivery
 * status notification request ({@link #dsnPassedOn()}): the remote server offered DSN (RFC 3461)
 * and received each recipient's {@code NOTIFY}, so it, not this system, reports the final
 * delivery. The queue then sends no "relayed" success notice of its own (RFC 3461 section 4.1,
 * as Postfix does).
 *
 * @param status sent, deferred (retry later) or bounced (give up and tell the sender)
 * @param dsn the enhanced status code ({@code 2.0.0}, {@code 4.2.0}, {@code 5.1.1})
 * @param relay where it went, for the log's {@code relay=} field ({@code local}, {@code mx.example.org[192.0.2.1]:25})
 * @param detail a human-readable explanation ({@code delivered to maildir})
 * @param remoteMta the DSN {@code Remote-MTA} value with its type ({@code dns; mx.example.org}), or {@code null}
 * @param diagnosticCode the DSN {@code Diagnostic-Code} value with its type
 *        ({@code smtp; 550 5.1.1 <bob@example.org>: Recipient address rejected}), or {@code null}
 * @param dsnPassedOn true when the next hop accepted the DSN request along with the message (since 1.2)
 */
public record DeliveryResult(Status status, String dsn, String relay, String detail, String remoteMta,
        String diagnosticCode, boolean dsnPassedOn) {

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

    /** The 1.0 form: no remote server to report. */
    public DeliveryResult(Status status, String dsn, String relay, String detail) {
        this(status, dsn, relay, detail, null, null, false);
    }

    /** The 1.1 form: the DSN request was not passed on. */
    public DeliveryResult(Status status, String dsn, String relay, String detail, String remoteMta,
            String diagnosticCode) {
        this(status, dsn, relay, detail, remoteMta, diagnosticCode, false);
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

    /**
     * This result with the remote server's DSN fields.
     *
     * @param remoteMta {@code dns; mx.example.org}, or {@code null}
     * @param diagnosticCode {@code smtp; 550 5.1.1 ...}, or {@code null}
     * @since 1.1
     */
    public DeliveryResult withRemote(String remoteMta, String diagnosticCode) {
        return new DeliveryResult(status, dsn, relay, detail, remoteMta, diagnosticCode, dsnPassedOn);
    }

    /**
     * This result, saying that the next hop accepted the sender's DSN request ({@code NOTIFY},
     * {@code ORCPT}, {@code RET}, {@code ENVID}) with the message, so that no "relayed" notice is due.
     *
     * @since 1.2
     */
    public DeliveryResult withDsnPassedOn() {
        return new DeliveryResult(status, dsn, relay, detail, remoteMta, diagnosticCode, true);
    }
}
