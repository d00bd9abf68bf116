package io.tegami.smtp.data;

import java.time.ZonedDateTime;

/**
 * The trace header the SMTP server puts on top of every message, in Postfix's layout:
 * <pre>
 * Received: from helo.example (client.example [192.0.2.1])
 * 	(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))
 * 	(Authenticated sender: alice)
 * 	by mx.example (Tegami) with ESMTPSA id 3F2A91C04B
 * 	for &lt;alice@example.org&gt;; Fri, 27 Nov 2026 20:10:00 +0000 (UTC)
 * </pre>
 * Folded lines end in a bare LF, as the queue stores content.
 *
 * @param heloName the HELO/EHLO name, or {@code null} (the client name stands in, as in Postfix)
 * @param clientName the verified client host name or {@code unknown}
 * @param clientAddress the client address as written in brackets ({@code 192.0.2.1}, {@code IPv6:::1})
 * @param tls the TLS summary ({@code TLSv1.3 with cipher ...}), or {@code null} to leave the line out
 * @param authenticatedSender the SASL user name, or {@code null} to leave the line out
 *        ({@code smtpd_sasl_authenticated_header})
 * @param hostname {@code $myhostname}
 * @param mailName {@code $mail_name}
 * @param protocol {@code SMTP}, {@code ESMTP}, {@code ESMTPS}...
 * @param queueId the queue id of the message
 * @param recipient the recipient when there is exactly one, else {@code null}
 * @param date when the message arrived
 */
public record ReceivedHeader(String heloName, String clientName, String clientAddress, String tls,
        String authenticatedSender, String hostname, String mailName, String protocol, String queueId,
        String recipient, ZonedDateTime date) {

    /** A header without the authenticated-sender line. */
    public ReceivedHeader(String heloName, String clientName, String clientAddress, String tls, String hostname,
            String mailName, String protocol, String queueId, String recipient, ZonedDateTime date) {
        this(heloName, clientName, clientAddress, tls, null, hostname, mailName, protocol, queueId, recipient, date);
    }

    /** The header, every line ending in LF. */
    public String text() {
        StringBuilder sb = new StringBuilder(256)
                .append("Received: from ").append(heloName != null ? heloName : clientName)
                .append(" (").append(clientName).append(" [").append(clientAddress).append("])\n");
        if (tls != null) {
            sb.append("\t(using ").append(tls).append(")\n");
        }
        if (authenticatedSender != null) {
            sb.append("\t(Authenticated sender: ").append(commentSafe(authenticatedSender)).append(")\n");
        }
        sb.append("\tby ").append(hostname).append(" (").append(mailName).append(") with ")
                .append(protocol).append(" id ").append(queueId);
        // Naming the recipient leaks Bcc recipients when there are several, so only for one.
        if (recipient != null) {
            sb.append("\n\tfor <").append(recipient).append(">; ");
        } else {
            sb.append(";\n\t");
        }
        return sb.append(MailDateCache.format(date)).append('\n').toString();
    }

    /** Postfix's comment_sanitize, simplified: nothing that could end the comment or fold the header. */
    private static String commentSafe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || c == '(' || c == ')' || c == '\\' ? '?' : c);
        }
        return sb.toString();
    }
}
