package io.tegami.smtp.command;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.smtp.data.DataReceiver;
import io.tegami.smtp.data.ErejectGate;
import io.tegami.smtp.data.ReceivedHeader;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;
import io.tegami.smtp.session.SmtpdLog;
import io.tegami.smtp.session.TlsSummary;
import io.tegami.smtp.session.Transaction;

/**
 * Opens the queue file of a message for DATA or the first BDAT chunk: the envelope (with the
 * RFC 3461 and SMTPUTF8 facts of the transaction and its header rewriting context), the {@code client=} log line and our
 * Received: header, then a {@link DataReceiver} for the content.
 */
final class MessageStart {

    static final String WRITE_ERROR = "451 4.3.0 Error: queue file write error";

    private MessageStart() {
    }

    /** The receiver, or null when the queue cannot take the message (logged; reply {@link #WRITE_ERROR}). */
    static DataReceiver open(SmtpSession session, Transaction transaction) {
        MailQueue queue = session.services().queue();
        if (queue == null) {
            SmtpdLog.warn("no mail queue service: cannot take mail from {}", session.client().nameAndAddress());
            return null;
        }
        MessageWriter writer;
        try {
            Envelope envelope = envelope(session, transaction);
            // Copied aside when the recipients' Sieve scripts may ereject it at the end of data.
            writer = ErejectGate.wrap(session, envelope, queue.create(envelope));
        } catch (QueueException | RuntimeException e) {
            SmtpdLog.warn("cannot create queue file for mail from {}: {}", session.client().nameAndAddress(), e.toString());
            return null;
        }
        SmtpdLog.client(writer.queueId(), session.client(), session.state().saslMethod(),
                session.state().saslUsername(), transaction.authSender());
        try {
            writer.content().write(received(session, transaction, writer.queueId()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            SmtpdLog.warn("{}: queue file write error: {}", writer.queueId(), e.toString());
            writer.close();
            return null;
        }
        SmtpSettings settings = session.settings();
        String bareLfReply = settings.bareNewlineRejectCode() + " 5.5.2 " + settings.myhostname()
                + " Error: bare <LF> received";
        InetSocketAddress remote = session.connection().remoteAddress();
        return new DataReceiver(writer, settings.messageSizeLimit(),
                settings.bareNewline(remote == null ? null : remote.getAddress()), bareLfReply);
    }

    static Envelope envelope(SmtpSession session, Transaction transaction) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(Envelope.CLIENT_ADDRESS, session.client().address());
        attributes.put(Envelope.CLIENT_NAME, session.client().name());
        attributes.put(Envelope.PROTOCOL, session.protocol());
        String helo = session.state().heloName();
        if (helo != null) {
            attributes.put(Envelope.HELO_NAME, helo);
        }
        if (transaction.body() != null) {
            attributes.put(Envelope.BODY, transaction.body());
        }
        if (session.state().saslUsername() != null) {
            attributes.put(Envelope.SASL_USERNAME, session.state().saslUsername());
        }
        if (transaction.dsnRet() != null) {
            attributes.put(Envelope.DSN_RET, transaction.dsnRet());
        }
        if (transaction.dsnEnvid() != null) {
            attributes.put(Envelope.DSN_ENVID, transaction.dsnEnvid());
        }
        if (transaction.smtputf8()) {
            attributes.put(Envelope.SMTPUTF8, "yes");
        }
        if (transaction.rewriteContext() != null) {
            // The listener's local_header_rewrite_clients answer, which the queue cannot know.
            attributes.put(RewriteContext.ATTRIBUTE, transaction.rewriteContext().attributeValue());
        }
        return new Envelope(transaction.sender(), transaction.recipients(), attributes, transaction.recipientDsn());
    }

    private static String received(SmtpSession session, Transaction transaction, String queueId) {
        SmtpSettings settings = session.settings();
        String tls = null;
        if (settings.tlsReceivedHeader()) {
            tls = session.connection().tlsSession().map(TlsSummary::of).orElse(null);
        }
        List<MailAddress> recipients = transaction.recipients();
        String recipient = transaction.acceptedCount() == 1 ? recipients.get(0).toString() : null;
        String saslUser = settings.saslAuthenticatedHeader() ? session.state().saslUsername() : null;
        return new ReceivedHeader(session.state().heloName(), session.client().name(),
                session.client().rfcAddress(), tls, saslUser, settings.myhostname(), settings.mailName(),
                session.protocol(), queueId, recipient,
                ZonedDateTime.ofInstant(transaction.arrival(), session.clock().getZone())).text();
    }
}
