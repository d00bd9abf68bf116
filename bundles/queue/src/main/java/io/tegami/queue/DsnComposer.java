package io.tegami.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;

/**
 * Writes delivery status notifications (RFC 3464 DSNs) in the shape Postfix's bounce daemon gives
 * them: a {@code multipart/report} with a human-readable part ({@link DsnText}), a
 * {@code message/delivery-status} part and the original message or its header
 * ({@link ReturnedMessage}), streamed from the spool.
 *
 * <p>Four kinds, after Postfix's templates: the non-delivery notice to the sender, the "delayed
 * mail" warning ({@code delay_warning_time}), the success notice ({@code NOTIFY=SUCCESS}), and
 * the postmaster copy sent when a non-delivery notice itself cannot be delivered (a double bounce).
 * The report carries the RFC 3461 facts the client gave: {@code Original-Envelope-Id} (ENVID) and
 * each recipient's {@code Original-Recipient} (ORCPT), which Postfix reports whenever it is known.
 */
final class DsnComposer {

    /** RFC 5322 date-time, e.g. {@code Tue, 4 Jun 2024 10:15:30 +0200}. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    /** What the notice says; {@code action} is the DSN Action of its recipients. */
    enum Kind {
        FAILURE("Undelivered Mail Returned to Sender", "failed"),
        DELAY("Delayed Mail (still being retried)", "delayed"),
        SUCCESS("Successful Mail Delivery Report", "delivered"),
        POSTMASTER("Postmaster Copy: Undelivered Mail", "failed");

        final String subject;
        final String action;

        Kind(String subject, String action) {
            this.subject = subject;
            this.action = action;
        }
    }

    /** Where the original message comes from. */
    interface ContentSource {
        InputStream open() throws IOException;
    }

    /**
     * What the notification is about.
     *
     * @param kind which notice
     * @param bounceId the notification's own queue id (for Message-ID and the boundary)
     * @param queueId the original message's queue id
     * @param envelope the original envelope: sender, RET, ENVID, each recipient's ORCPT, SMTPUTF8
     * @param to who gets the notice: the sender, or the postmaster for a double bounce
     * @param arrival when the original message arrived
     * @param entries the recipients reported on
     * @param original the original message content
     * @param size the original message size, for {@code bounce_size_limit}
     * @param action the DSN Action of the entries; null for the kind's own
     * @param warnAfter for a delay warning: {@code delay_warning_time}
     * @param lifetime for a delay warning: how long the message is retried
     */
    record Report(Kind kind, String bounceId, String queueId, Envelope envelope, MailAddress to, Instant arrival,
            List<BounceLog.Entry> entries, ContentSource original, long size, String action, Duration warnAfter,
            Duration lifetime) {

        /** A non-delivery notice to the sender of a message without DSN parameters. */
        Report(String bounceId, String queueId, MailAddress sender, Instant arrival, List<BounceLog.Entry> failures,
                ContentSource original) {
            this(Kind.FAILURE, bounceId, queueId,
                    Envelope.of(sender, failures.stream().map(BounceLog.Entry::recipient).toList()), sender, arrival,
                    failures, original, 1, null, Duration.ZERO, Duration.ZERO);
        }

        MailAddress sender() {
            return envelope.sender();
        }
    }

    private final String hostname;
    private final ZoneId zone;
    private final long bounceSizeLimit;

    DsnComposer(String hostname, ZoneId zone) {
        this(hostname, zone, 50_000);
    }

    /** @param bounceSizeLimit {@code bounce_size_limit}: larger originals are returned as headers only */
    DsnComposer(String hostname, ZoneId zone, long bounceSizeLimit) {
        this.hostname = hostname;
        this.zone = zone;
        this.bounceSizeLimit = bounceSizeLimit;
    }

    void write(Report r, Instant now, OutputStream out) throws IOException {
        String boundary = r.bounceId() + "." + now.getEpochSecond() + "/" + hostname;
        // Never closed: closing would close the queue's content stream, which the writer owns.
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("From: MAILER-DAEMON@" + hostname + " (Mail Delivery System)\n");
        w.write("Subject: " + r.kind().subject + "\n");
        w.write("To: " + oneLine(r.to().toString()) + "\n");
        w.write("Auto-Submitted: " + (r.kind() == Kind.POSTMASTER ? "auto-generated" : "auto-replied") + "\n");
        w.write("MIME-Version: 1.0\n");
        w.write("Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"" + boundary + "\"\n");
        w.write("Content-Transfer-Encoding: 8bit\n");
        w.write("Message-Id: <" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).format(now.atZone(zone))
                + "." + r.bounceId() + "@" + hostname + ">\n");
        w.write("Date: " + date(now) + "\n");
        w.write("\nThis is a MIME-encapsulated message.\n\n");

        w.write("--" + boundary + "\n");
        w.write("Content-Description: Notification\nContent-Type: text/plain; charset=utf-8\n\n");
        DsnText.write(w, r, hostname);
        for (BounceLog.Entry e : r.entries()) {
            w.write("\n<" + oneLine(e.recipient().toString()) + ">: " + oneLine(reason(r, e)) + "\n");
        }

        w.write("\n--" + boundary + "\n");
        w.write("Content-Description: Delivery report\nContent-Type: message/"
                + (r.envelope().smtputf8() ? "global-" : "") + "delivery-status\n\n");
        writeStatus(w, r);

        w.write("\n--" + boundary + "\n");
        ReturnedMessage.write(w, out, r, bounceSizeLimit);
        w.write("\n--" + boundary + "--\n");
        w.flush();
    }

    private void writeStatus(Writer w, Report r) throws IOException {
        w.write("Reporting-MTA: dns; " + hostname + "\n");
        String envid = r.envelope().dsnEnvid();
        if (envid != null && !envid.isEmpty()) {
            w.write("Original-Envelope-Id: " + oneLine(envid) + "\n");
        }
        w.write("X-Tegami-Queue-ID: " + r.queueId() + "\n");
        w.write("X-Tegami-Sender: " + addressType(r, r.sender()) + "; " + oneLine(r.sender().toString()) + "\n");
        w.write("Arrival-Date: " + date(r.arrival()) + "\n");
        for (BounceLog.Entry e : r.entries()) {
            w.write("\nFinal-Recipient: " + addressType(r, e.recipient()) + "; " + oneLine(e.recipient().toString()) + "\n");
            String orcpt = r.envelope().dsn(e.recipient()).orcpt();
            if (orcpt != null && !orcpt.isEmpty()) {
                w.write("Original-Recipient: " + oneLine(orcpt) + "\n");
            }
            w.write("Action: " + (r.action() != null ? r.action() : r.kind().action) + "\n");
            w.write("Status: " + status(r.kind(), e.dsn()) + "\n");
            if (e.remoteMta() != null) {
                w.write("Remote-MTA: " + oneLine(e.remoteMta()) + "\n");
            } else if (!e.relay().isEmpty() && !e.relay().equals("none") && !e.relay().equals("local")) {
                // relay= is "host[address]:port" in the log; the report names the host.
                w.write("Remote-MTA: dns; " + oneLine(e.relay()).replaceFirst("\\[.*$", "") + "\n");
            }
            w.write("Diagnostic-Code: " + (e.diagnosticCode() != null ? oneLine(e.diagnosticCode())
                    : "X-Tegami; " + oneLine(reason(r, e))) + "\n");
            w.write("Last-Attempt-Date: " + date(e.time()) + "\n");
            if (r.kind() == Kind.DELAY) {
                w.write("Will-Retry-Until: " + date(r.arrival().plus(r.lifetime())) + "\n");
            }
        }
    }

    /** The text that says what happened; a success names the relay as Postfix's trace does. */
    private static String reason(Report r, BounceLog.Entry e) {
        return r.kind() == Kind.SUCCESS ? "delivery via " + e.relay() + ": " + e.detail() : e.detail();
    }

    /** {@code utf-8} for a non-ASCII address of an SMTPUTF8 message (RFC 6533), else {@code rfc822}. */
    private static String addressType(Report r, MailAddress address) {
        return r.envelope().smtputf8() && !address.toString().chars().allMatch(c -> c < 0x80) ? "utf-8" : "rfc822";
    }

    private static String status(Kind kind, String dsn) {
        return switch (kind) {
            case DELAY -> temporary(dsn);
            case SUCCESS -> dsn;
            case FAILURE, POSTMASTER -> permanent(dsn);
        };
    }

    private String date(Instant t) {
        return DATE.format(ZonedDateTime.ofInstant(t, zone));
    }

    /** Action "failed" goes with a 5.x.x status; a bounced 4.x.x (odd agent) is reported as 5.x.x. */
    static String permanent(String dsn) {
        return dsn.startsWith("4.") ? "5." + dsn.substring(2) : dsn;
    }

    /** Action "delayed" goes with a 4.x.x status (RFC 3464 section 2.3.3). */
    static String temporary(String dsn) {
        return dsn.startsWith("5.") || dsn.startsWith("2.") ? "4." + dsn.substring(2) : dsn;
    }

    /** Header and report fields are single lines: no text from outside may break them. */
    static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
