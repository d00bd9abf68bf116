package io.tegami.delivery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueuedMessage;

/**
 * The refusal the Sieve {@code reject} action sends (RFC 5429 section 2.1.1): an MDN
 * ({@code multipart/report; report-type=disposition-notification}) to the envelope sender from the
 * null sender, worded and laid out as Dovecot's LDA does ({@code mail_send_rejection}): the
 * {@code rejection_subject} and {@code rejection_reason} settings, a disposition of
 * {@code automatic-action/MDN-sent-automatically; deleted}, and the original's header attached.
 */
final class Rejection {

    /** Dovecot's defaults. */
    static final String SUBJECT = "Rejected: %s";
    static final String REASON = "Your message to <%t> was automatically rejected:%n%r";

    private Rejection() {
    }

    static String send(MailParameters parameters, MailQueue queue, QueuedMessage message, HeaderSection header,
            MailAddress sender, MailAddress recipient, MailAddress original, String reason, Instant now)
            throws IOException {
        String host = parameters.get("myhostname", "localhost");
        String postmaster = parameters.get("postmaster_address", "")
                .replace("%d", recipient.domain()).strip();
        if (postmaster.isEmpty()) {
            postmaster = "postmaster@" + (recipient.domain().isEmpty() ? host : recipient.domain());
        }
        String boundary = UUID.randomUUID().toString().replace("-", "") + "/" + host;
        String subject = parameters.get("rejection_subject", SUBJECT).replace("%s", header.first("Subject"));
        String text = parameters.get("rejection_reason", REASON).replace("%n", "\n")
                .replace("%t", recipient.toString()).replace("%r", reason == null ? "" : reason)
                .replace("%s", sender.toString());
        StringBuilder m = new StringBuilder();
        m.append("Message-ID: ").append(Outbound.messageId(host)).append('\n');
        m.append("Date: ").append(Outbound.date(now)).append('\n');
        m.append("From: Mail Delivery Subsystem <").append(Outbound.oneLine(postmaster)).append(">\n");
        m.append("To: <").append(sender).append(">\n");
        m.append("MIME-Version: 1.0\n");
        m.append("Content-Type: multipart/report; report-type=disposition-notification;\n\tboundary=\"")
                .append(boundary).append("\"\n");
        m.append("Subject: ").append(Outbound.oneLine(subject)).append('\n');
        m.append("Auto-Submitted: auto-replied (rejected)\n");
        m.append("Precedence: bulk\n");
        m.append("\nThis is a MIME-encapsulated message\n\n");
        m.append("--").append(boundary).append('\n');
        m.append("Content-Type: text/plain; charset=utf-8\n");
        m.append("Content-Disposition: inline\n");
        m.append("Content-Transfer-Encoding: 8bit\n\n");
        m.append(text.replace("\r\n", "\n")).append('\n');
        m.append("\n--").append(boundary).append('\n');
        m.append("Content-Type: message/disposition-notification\n\n");
        m.append("Reporting-UA: ").append(host).append("; Dovecot Mail Delivery Agent\n");
        if (!original.equals(recipient)) {
            m.append("Original-Recipient: rfc822; ").append(original).append('\n');
        }
        m.append("Final-Recipient: rfc822; ").append(recipient).append('\n');
        String msgid = header.first("Message-ID");
        if (!msgid.isEmpty()) {
            m.append("Original-Message-ID: ").append(Outbound.oneLine(msgid)).append('\n');
        }
        m.append("Disposition: automatic-action/MDN-sent-automatically; deleted\n");
        m.append("\n--").append(boundary).append('\n');
        m.append("Content-Type: message/rfc822\n\n");
        String tail = "\n\n--" + boundary + "--\n";
        // Only the original's header goes back, as Dovecot does: re-read from the spool file.
        return Outbound.send(queue, MailAddress.NULL_SENDER, sender, m.toString(), out -> {
            try (InputStream in = new BufferedInputStream(message.openContent())) {
                HeaderSection h = HeaderSection.read(in);
                for (HeaderSection.Field f : h.fields) {
                    out.write(f.raw().getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        });
    }
}
