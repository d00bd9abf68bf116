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

import io.tegami.api.mail.MailAddress;

/**
 * Writes delivery status notifications (RFC 3464 DSNs) in the shape Postfix's bounce daemon gives
 * them: a {@code multipart/report} with a human-readable part, a {@code message/delivery-status}
 * part and the original message's header as {@code text/rfc822-headers}, streamed from the spool.
 *
 * <p>Three kinds, after Postfix's templates: the non-delivery notice to the sender, the "delayed
 * mail" warning to the sender ({@code delay_warning_time}), and the postmaster copy sent when a
 * non-delivery notice itself cannot be delivered (a double bounce), which carries no boiler-plate.
 */
final class DsnComposer {

    /** RFC 5322 date-time, e.g. {@code Tue, 4 Jun 2024 10:15:30 +0200}. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    /** What the notice says. */
    enum Kind {
        FAILURE("Undelivered Mail Returned to Sender", "failed"),
        DELAY("Delayed Mail (still being retried)", "delayed"),
        POSTMASTER("Postmaster Copy: Undelivered Mail", "failed");

        final String subject;
        final String action;

        Kind(String subject, String action) {
            this.subject = subject;
            this.action = action;
        }
    }

    /** Where the original header comes from. */
    interface ContentSource {
        InputStream open() throws IOException;
    }

    /**
     * What the notification is about.
     *
     * @param kind which notice
     * @param bounceId the notification's own queue id (for Message-ID and the boundary)
     * @param queueId the original message's queue id
     * @param sender the original sender
     * @param to who gets the notice: the sender, or the postmaster for a double bounce
     * @param arrival when the original message arrived
     * @param entries the recipients that failed (or, for a delay warning, are delayed)
     * @param original the original message content
     * @param warnAfter for a delay warning: {@code delay_warning_time}
     * @param lifetime for a delay warning: how long the message is retried
     */
    record Report(Kind kind, String bounceId, String queueId, MailAddress sender, MailAddress to, Instant arrival,
            List<BounceLog.Entry> entries, ContentSource original, Duration warnAfter, Duration lifetime) {

        /** A non-delivery notice to the sender. */
        Report(String bounceId, String queueId, MailAddress sender, Instant arrival, List<BounceLog.Entry> failures,
                ContentSource original) {
            this(Kind.FAILURE, bounceId, queueId, sender, sender, arrival, failures, original, Duration.ZERO,
                    Duration.ZERO);
        }
    }

    private final String hostname;
    private final ZoneId zone;

    DsnComposer(String hostname, ZoneId zone) {
        this.hostname = hostname;
        this.zone = zone;
    }

    void write(Report r, Instant now, OutputStream out) throws IOException {
        String boundary = r.bounceId() + "." + now.getEpochSecond() + "/" + hostname;
        // Never closed: closing would close the queue's content stream, which the writer owns.
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("From: MAILER-DAEMON@" + hostname + " (Mail Delivery System)\n");
        w.write("Subject: " + r.kind().subject + "\n");
        w.write("To: " + oneLine(r.to().toString()) + "\n");
        w.write("Auto-Submitted: auto-replied\n");
        w.write("MIME-Version: 1.0\n");
        w.write("Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"" + boundary + "\"\n");
        w.write("Content-Transfer-Encoding: 8bit\n");
        w.write("Message-Id: <" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).format(now.atZone(zone))
                + "." + r.bounceId() + "@" + hostname + ">\n");
        w.write("Date: " + date(now) + "\n");
        w.write("\nThis is a MIME-encapsulated message.\n\n");

        w.write("--" + boundary + "\n");
        w.write("Content-Description: Notification\nContent-Type: text/plain; charset=utf-8\n\n");
        writeNotification(w, r);

        w.write("\n--" + boundary + "\n");
        w.write("Content-Description: Delivery report\nContent-Type: message/delivery-status\n\n");
        writeStatus(w, r);

        w.write("\n--" + boundary + "\n");
        w.write("Content-Description: " + (r.kind() == Kind.DELAY ? "Delayed Message Headers" : "Undelivered Message Headers")
                + "\nContent-Type: text/rfc822-headers\n\n");
        w.flush();
        try (InputStream in = r.original().open()) {
            HeaderSection.copy(in, out);
        }
        w.write("\n--" + boundary + "--\n");
        w.flush();
    }

    private void writeNotification(Writer w, Report r) throws IOException {
        switch (r.kind()) {
            case FAILURE -> {
                w.write("This is the mail system at host " + hostname + ".\n\n");
                w.write("I'm sorry to have to inform you that your message could not\n");
                w.write("be delivered to one or more recipients. It's attached below.\n\n");
                writeAssistance(w);
            }
            case DELAY -> {
                w.write("This is the mail system at host " + hostname + ".\n\n");
                w.write("####################################################################\n");
                w.write("# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n");
                w.write("####################################################################\n\n");
                w.write("Your message could not be delivered for more than " + r.warnAfter().toHours() + " hour(s).\n");
                w.write("It will be retried until it is " + r.lifetime().toDays() + " day(s) old.\n\n");
                writeAssistance(w);
            }
            case POSTMASTER -> { } // the postmaster gets the facts only, as from Postfix
        }
        for (BounceLog.Entry e : r.entries()) {
            w.write("\n<" + oneLine(e.recipient().toString()) + ">: " + oneLine(e.detail()) + "\n");
        }
    }

    private static void writeAssistance(Writer w) throws IOException {
        w.write("For further assistance, please send mail to postmaster.\n\n");
        w.write("If you do so, please include this problem report. You can\n");
        w.write("delete your own text from the attached returned message.\n\n");
        w.write("                   The mail system\n");
    }

    private void writeStatus(Writer w, Report r) throws IOException {
        w.write("Reporting-MTA: dns; " + hostname + "\n");
        w.write("X-Tegami-Queue-ID: " + r.queueId() + "\n");
        w.write("X-Tegami-Sender: rfc822; " + oneLine(r.sender().toString()) + "\n");
        w.write("Arrival-Date: " + date(r.arrival()) + "\n");
        for (BounceLog.Entry e : r.entries()) {
            w.write("\nFinal-Recipient: rfc822; " + oneLine(e.recipient().toString()) + "\n");
            w.write("Action: " + r.kind().action + "\n");
            w.write("Status: " + (r.kind() == Kind.DELAY ? temporary(e.dsn()) : permanent(e.dsn())) + "\n");
            if (!e.relay().isEmpty() && !e.relay().equals("none") && !e.relay().equals("local")) {
                // relay= is "host[address]:port" in the log; the report names the host.
                w.write("Remote-MTA: dns; " + oneLine(e.relay()).replaceFirst("\\[.*$", "") + "\n");
            }
            w.write("Diagnostic-Code: X-Tegami; " + oneLine(e.detail()) + "\n");
            w.write("Last-Attempt-Date: " + date(e.time()) + "\n");
            if (r.kind() == Kind.DELAY) {
                w.write("Will-Retry-Until: " + date(r.arrival().plus(r.lifetime())) + "\n");
            }
        }
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
