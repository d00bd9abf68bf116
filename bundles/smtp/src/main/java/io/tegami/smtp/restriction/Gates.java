package io.tegami.smtp.restriction;

import java.nio.file.Path;
import java.util.List;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;
import io.tegami.smtp.data.DataReceiver;
import io.tegami.smtp.data.DataResult;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.Transaction;

/**
 * Where the SMTP commands call the access control, one call per place: the connection, HELO/EHLO,
 * MAIL, RCPT/VRFY, DATA and the end of the message. With {@code smtpd_delay_reject = yes} (the
 * default) only RCPT, VRFY, DATA and the end of data check anything; with {@code no}, the client,
 * HELO and sender restrictions take effect at the connection, HELO and MAIL. A gate that refuses
 * sends the reply and logs it; the command then fails.
 */
public final class Gates {

    private Gates() {
    }

    /** At the greeting: a client refused here gets the reply instead of 220 and 503 to all but QUIT. */
    public static boolean connect(SmtpSession session) {
        CheckState state = state(session, "CONNECT", null);
        if (state.settings().delayReject()) {
            return false;
        }
        String reply = Stages.client(state);
        if (reply == null) {
            return false;
        }
        session.checks().accessDenied = reply;
        refuse(session, state, reply);
        session.connection().flush();
        return true;
    }

    /** Before every command: true (and the 503 reply sent) when the client was refused at connect. */
    public static boolean refused(SmtpSession session, String verb) {
        if (!session.checks().accessDenied() || verb.equalsIgnoreCase("QUIT")) {
            return false;
        }
        session.reply("503 5.7.0 Error: access denied for " + session.client().nameAndAddress());
        session.errors().countError();
        return true;
    }

    /** HELO or EHLO with {@code name} (already made safe for logs). */
    public static boolean helo(SmtpSession session, String verb, String name) {
        CheckState state = state(session, verb, null);
        if (state.settings().delayReject()) {
            return false;
        }
        String reply = Stages.helo(state, name);
        if (reply == null) {
            return false;
        }
        state.helo = name;
        refuse(session, state, reply);
        return true;
    }

    /** MAIL FROM with the sender as written ({@code raw}, {@code ""} for {@code <>}) and as qualified. */
    public static boolean mail(SmtpSession session, String raw, MailAddress sender) {
        session.checks().sender(raw, sender);
        CheckState state = state(session, "MAIL", null);
        if (state.settings().delayReject()) {
            return false;
        }
        String reply = Stages.sender(state, raw);
        if (reply == null) {
            return false;
        }
        state.sender = raw;
        refuse(session, state, reply);
        return true;
    }

    /**
     * RCPT TO (and VRFY) with the recipient as written: the reply of a rejection, which the
     * command sends and logs, or {@code null}.
     */
    public static String recipient(SmtpSession session, String recipient) {
        return Stages.recipient(state(session, "RCPT", null), recipient);
    }

    /** DATA, once there are recipients: {@code smtpd_data_restrictions}. */
    public static boolean data(SmtpSession session) {
        CheckState state = state(session, "DATA", null);
        if (state.settings().restrictions("smtpd_data_restrictions", "").isEmpty()) {
            return false;
        }
        String reply = Stages.data(state);
        if (reply == null) {
            return false;
        }
        refuse(session, state, reply);
        return true;
    }

    /**
     * The final dot: {@code smtpd_end_of_data_restrictions}, then the queue file is committed, or
     * dropped when they refuse. A message already refused (too big) keeps its own reply.
     */
    public static DataResult endOfData(SmtpSession session, DataReceiver receiver) {
        long limit = session.settings().messageSizeLimit();
        CheckState state = state(session, "END-OF-MESSAGE", receiver.queueId());
        List<String> restrictions = state.settings().restrictions("smtpd_end_of_data_restrictions", "");
        if (restrictions.isEmpty() || (limit > 0 && receiver.size() > limit)) {
            return receiver.finish();
        }
        String reply = Stages.endOfData(state);
        if (reply == null) {
            return receiver.finish();
        }
        receiver.discard();
        CheckLog.whatsup(state, "reject", reply);
        return new DataResult(false, reply);
    }

    private static void refuse(SmtpSession session, CheckState state, String reply) {
        CheckLog.whatsup(state, "reject", reply);
        session.reply(reply);
    }

    /** The check's view of the session now. */
    static CheckState state(SmtpSession session, String where, String queueId) {
        MailParameters parameters = session.services().parameters();
        Path home = parameters != null ? parameters.home() : Path.of(System.getProperty("tegami.home", "."));
        RestrictionSettings settings = new RestrictionSettings(session.settings(), home);
        Lookups lookups = new Lookups(session.services().dns(), session.services().users(), session.services().rewriters(),
                session.services().resolvers(), session.services().policies());
        // The session's PipeliningGuard notices a client that sends ahead of our replies.
        session.checks().improperPipelining |= session.state().improperPipelining();
        CheckState state = new CheckState(Facts.of(session, queueId), settings, lookups, session.checks(), where);
        state.helo = session.state().heloName();
        state.listener = session.connection().listener() == null ? null : session.connection().listener().name();
        Transaction transaction = session.state().transaction();
        if (transaction != null) {
            state.sender = session.checks().rawSender(transaction.sender());
            List<MailAddress> recipients = transaction.recipients();
            if (transaction.acceptedCount() == 1 && !recipients.isEmpty()) {
                state.recipient = recipients.get(0).localPart() + "@" + recipients.get(0).domain();
            }
        }
        return state;
    }
}
