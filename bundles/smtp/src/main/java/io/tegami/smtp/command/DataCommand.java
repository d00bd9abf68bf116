package io.tegami.smtp.command;

import java.io.IOException;
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
import io.tegami.smtp.data.DataReceiver;
import io.tegami.smtp.data.ReceivedHeader;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;
import io.tegami.smtp.session.SmtpdLog;
import io.tegami.smtp.session.TlsSummary;
import io.tegami.smtp.session.Transaction;

/**
 * {@code DATA} (RFC 5321 4.1.1.4): opens the queue file, writes our Received: header and hands
 * the session over to a {@link DataReceiver} until the final dot. The outcome is decided there, so
 * this returns {@link Outcome#PENDING} once the 354 has been sent.
 */
public final class DataCommand implements SmtpCommand {

    private static final String WRITE_ERROR = "451 4.3.0 Error: queue file write error";

    @Override
    public String verb() {
        return "DATA";
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        Transaction transaction = session.state().transaction();
        if (transaction == null) {
            return fail(session, "503 5.5.1 Error: need RCPT command");
        }
        // With pipelining a client sends DATA before it knows its recipients were refused.
        if (transaction.recipients().isEmpty()) {
            return fail(session, "554 5.5.1 Error: no valid recipients");
        }
        if (!argument.isEmpty()) {
            return fail(session, "501 5.5.4 Syntax: DATA");
        }
        MailQueue queue = session.services().queue();
        if (queue == null) {
            SmtpdLog.warn("no mail queue service: cannot take mail from {}", session.client().nameAndAddress());
            return fail(session, WRITE_ERROR);
        }
        MessageWriter writer;
        try {
            writer = queue.create(envelope(session, transaction));
        } catch (QueueException | RuntimeException e) {
            SmtpdLog.warn("cannot create queue file for mail from {}: {}", session.client().nameAndAddress(), e.toString());
            return fail(session, WRITE_ERROR);
        }
        SmtpdLog.client(writer.queueId(), session.client(), session.state().saslMethod(),
                session.state().saslUsername(), transaction.authSender());
        try {
            writer.content().write(received(session, transaction, writer.queueId()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            SmtpdLog.warn("{}: queue file write error: {}", writer.queueId(), e.toString());
            writer.close();
            return fail(session, WRITE_ERROR);
        }
        session.beginData(new DataReceiver(writer, session.settings().messageSizeLimit()));
        session.reply("354 End data with <CR><LF>.<CR><LF>");
        return Outcome.PENDING;
    }

    private static Envelope envelope(SmtpSession session, Transaction transaction) {
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
        return new Envelope(transaction.sender(), transaction.recipients(), attributes);
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

    private static Outcome fail(SmtpSession session, String reply) {
        session.reply(reply);
        return Outcome.FAILURE;
    }
}
