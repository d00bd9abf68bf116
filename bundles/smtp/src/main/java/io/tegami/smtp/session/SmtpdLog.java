package io.tegami.smtp.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail log lines of the SMTP server, in Postfix smtpd's exact shape so that pflogsumm and
 * friends read them. The formatting is kept in pure functions so tests can pin it down.
 */
public final class SmtpdLog {

    /** One logger for all mail events, like Postfix's {@code postfix/smtpd} program name. */
    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.smtp.smtpd");

    private SmtpdLog() {
    }

    public static void connect(ClientInfo client) {
        LOG.info("connect from {}", client.nameAndAddress());
    }

    /** {@code <queue id>: client=host[ip]}: ties the queue id to the client. */
    public static void client(String queueId, ClientInfo client) {
        LOG.info("{}: client={}", queueId, client.nameAndAddress());
    }

    /**
     * Postfix's client line after AUTH:
     * {@code <queue id>: client=host[ip], sasl_method=PLAIN, sasl_username=alice[, sasl_sender=...]}.
     */
    public static void client(String queueId, ClientInfo client, String saslMethod, String saslUsername, String saslSender) {
        LOG.info(formatClient(queueId, client, saslMethod, saslUsername, saslSender));
    }

    /** The client line; SASL parts appear only when set. */
    public static String formatClient(String queueId, ClientInfo client, String saslMethod, String saslUsername,
            String saslSender) {
        StringBuilder sb = new StringBuilder().append(queueId).append(": client=").append(client.nameAndAddress());
        if (saslMethod != null) {
            sb.append(", sasl_method=").append(saslMethod);
        }
        if (saslUsername != null) {
            sb.append(", sasl_username=").append(saslUsername);
        }
        if (saslSender != null) {
            sb.append(", sasl_sender=").append(saslSender);
        }
        return sb.toString();
    }

    public static void disconnect(ClientInfo client, CommandStats stats) {
        LOG.info("disconnect from {}{}", client.nameAndAddress(), stats.format());
    }

    /** {@code timeout after DATA (1234 bytes) from host[ip]} and friends. */
    public static void abnormalEnd(String reason, String where, long dataBytes, ClientInfo client) {
        if (dataBytes >= 0) {
            LOG.info("{} after {} ({} bytes) from {}", reason, where, dataBytes, client.nameAndAddress());
        } else {
            LOG.info("{} after {} from {}", reason, where, client.nameAndAddress());
        }
    }

    public static void reject(String line) {
        LOG.info(line);
    }

    public static void info(String format, Object... args) {
        LOG.info(format, args);
    }

    public static void warn(String format, Object... args) {
        LOG.warn(format, args);
    }

    /**
     * Postfix's reject line:
     * {@code NOQUEUE: reject: RCPT from host[ip]: 550 ...; from=<a> to=<b> proto=ESMTP helo=<h>}.
     *
     * @param queueId the queue id, or {@code null} for {@code NOQUEUE}
     * @param where the command ({@code RCPT}, {@code MAIL}, {@code DATA}...)
     * @param reply the reply sent, without CRLF
     * @param from the sender, or {@code null} when there is none yet
     * @param to the recipient, or {@code null}
     * @param protocol {@code SMTP}, {@code ESMTP}...
     * @param helo the HELO name, or {@code null}
     */
    public static String formatReject(String queueId, String where, ClientInfo client, String reply,
            String from, String to, String protocol, String helo) {
        StringBuilder sb = new StringBuilder()
                .append(queueId == null ? "NOQUEUE" : queueId).append(": reject: ")
                .append(where).append(" from ").append(client.nameAndAddress()).append(": ")
                .append(reply).append(';');
        if (from != null) {
            sb.append(" from=<").append(from).append('>');
        }
        if (to != null) {
            sb.append(" to=<").append(to).append('>');
        }
        sb.append(" proto=").append(protocol);
        if (helo != null) {
            sb.append(" helo=<").append(helo).append('>');
        }
        return sb.toString();
    }
}
