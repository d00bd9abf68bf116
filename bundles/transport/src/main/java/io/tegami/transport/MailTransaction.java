package io.tegami.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;

/**
 * One mail transaction on an open session: MAIL FROM (with SIZE, BODY, the DSN parameters and
 * SMTPUTF8 when the server offers them and the message has them, see {@link EnvelopeParameters}),
 * one RCPT TO per recipient (with NOTIFY and ORCPT for a DSN server), DATA and the content; the
 * commands go in one write when the server offers PIPELINING (RFC 2920), one at a time otherwise.
 * Every recipient gets its own outcome.
 *
 * <p>An 8BITMIME body goes as it is to a server without 8BITMIME: Postfix's behaviour with
 * {@code disable_mime_output_conversion = yes}; Tegami does not convert to quoted-printable.
 */
final class MailTransaction {

    /**
     * What happened to one recipient.
     *
     * @param result the result to report if this is the last server tried
     * @param soft true for a temporary failure that the next server may do better with
     */
    record Outcome(DeliveryResult result, boolean soft) {
        static Outcome of(Failure f) {
            return new Outcome(f.result(), !f.permanent());
        }
    }

    private final Session session;
    private final SmtpSettings.Timeouts t;
    private final Outcome[] outcomes;
    private boolean reusable = true;

    private MailTransaction(Session session, SmtpSettings settings, int recipients) {
        this.session = session;
        this.t = settings.timeouts();
        this.outcomes = new Outcome[recipients];
    }

    /** Runs the transaction; never throws: a broken connection is a soft failure of those left. */
    static MailTransaction run(Session session, SmtpSettings settings, QueuedMessage message, List<MailAddress> rcpts) {
        MailTransaction tx = new MailTransaction(session, settings, rcpts.size());
        tx.execute(message, rcpts);
        return tx;
    }

    /** One outcome per recipient, in order. */
    List<Outcome> outcomes() {
        return Arrays.asList(outcomes);
    }

    /** False when the connection broke or is in an unknown state: close it, do not cache it. */
    boolean reusable() {
        return reusable;
    }

    private void execute(QueuedMessage message, List<MailAddress> rcpts) {
        Target target = session.target();
        Extensions ext = session.extensions();
        Envelope env = message.envelope();
        if (ext.size() > 0 && message.size() > ext.size()) {
            all(Failure.hard("5.3.4", "message size " + message.size() + " exceeds size limit " + ext.size()
                    + " of server " + target.name(), target));
            return;
        }
        if (!ext.smtputf8() && utf8Required(message, rcpts, target)) {
            return;
        }
        session.used();
        String doing = "sending MAIL FROM";
        SmtpChannel ch = session.channel();
        try {
            boolean utf8 = ext.smtputf8() && Utf8Need.requested(message, rcpts);
            ch.send("MAIL FROM:<" + env.sender() + ">" + EnvelopeParameters.mail(message, ext, utf8));
            boolean pipelining = ext.pipelining();
            if (pipelining) {
                for (MailAddress r : rcpts) {
                    ch.send(rcptCommand(env, r, ext));
                }
                ch.send("DATA");
            }
            ch.flush(t.mail());
            Reply mailReply = ch.read(t.mail());
            doing = "sending RCPT TO";
            List<Integer> accepted = new ArrayList<>();
            for (int i = 0; i < rcpts.size(); i++) {
                if (!pipelining && !mailReply.positive()) {
                    break;
                }
                if (!pipelining) {
                    ch.send(rcptCommand(env, rcpts.get(i), ext));
                    ch.flush(t.rcpt());
                }
                Reply r = ch.read(t.rcpt());
                if (!mailReply.positive()) {
                    continue; // the MAIL FROM failure below speaks for everyone
                }
                if (r.positive()) {
                    accepted.add(i);
                } else {
                    outcomes[i] = Outcome.of(Failure.said(target, r, "RCPT TO command"));
                }
            }
            doing = "sending DATA command";
            Reply dataReply = null;
            if (pipelining) {
                dataReply = ch.read(t.dataInit());
            } else if (!accepted.isEmpty()) {
                ch.send("DATA");
                ch.flush(t.dataInit());
                dataReply = ch.read(t.dataInit());
            }
            if (!mailReply.positive()) {
                all(Failure.said(target, mailReply, "MAIL FROM command"));
                endEmptyData(ch, dataReply);
                return;
            }
            if (accepted.isEmpty()) {
                endEmptyData(ch, dataReply);
                return;
            }
            if (dataReply.code() != 354) {
                Outcome refused = Outcome.of(Failure.said(target, dataReply, "DATA command"));
                accepted.forEach(i -> outcomes[i] = refused);
                return;
            }
            doing = "sending message body";
            InputStream content;
            try {
                content = message.openContent();
            } catch (IOException e) {
                throw new DotStuffer.ContentException(e);
            }
            try (content) {
                DotStuffer.copy(content, ch.content(t.dataXfer()));
            }
            ch.flush(t.dataXfer());
            doing = "sending end of data -- message may be sent more than once";
            Reply done = ch.read(t.dataDone());
            for (int i : accepted) {
                outcomes[i] = done.positive() ? new Outcome(Results.sent(target, done, ext.dsn()), false)
                        : Outcome.of(Failure.said(target, done, "end of DATA command"));
            }
        } catch (DotStuffer.ContentException e) {
            // The queue file, not the server: never end the data with a dot, or a cut message goes out.
            reusable = false;
            ch.close();
            rest(Failure.soft("4.3.0", "error reading queue file: " + e.getMessage(), target));
        } catch (IOException e) {
            reusable = false;
            ch.close();
            rest(Results.io(target, e, doing));
        }
    }

    /**
     * After a DATA that should not have been accepted (no recipient or no sender), an empty message
     * ends it, which servers then refuse for want of recipients (RFC 2920 section 3.1).
     */
    private void endEmptyData(SmtpChannel ch, Reply dataReply) throws IOException {
        if (dataReply != null && dataReply.code() == 354) {
            ch.send(".");
            ch.flush(t.dataXfer());
            ch.read(t.dataDone());
        }
    }

    private void all(Failure f) {
        Arrays.fill(outcomes, Outcome.of(f));
    }

    private void rest(Failure f) {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = Outcome.of(f);
            }
        }
    }

    private static String rcptCommand(Envelope env, MailAddress r, Extensions ext) {
        return "RCPT TO:<" + r + ">" + EnvelopeParameters.rcpt(env, r, ext);
    }

    /**
     * For a server without SMTPUTF8: true (every recipient bounced, or deferred when the queue
     * file cannot be read) when the message needs it, as Postfix's smtp_helo() decides.
     */
    private boolean utf8Required(QueuedMessage message, List<MailAddress> rcpts, Target target) {
        try {
            if (!Utf8Need.required(message, rcpts)) {
                return false;
            }
            all(Failure.hard("5.6.7", "SMTPUTF8 is required, but was not offered by host " + target.name(), target));
        } catch (IOException e) {
            all(Failure.soft("4.3.0", "error reading queue file: " + e.getMessage(), target));
        }
        return true;
    }
}
