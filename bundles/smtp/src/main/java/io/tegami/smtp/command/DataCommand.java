package io.tegami.smtp.command;

import io.tegami.smtp.data.DataReceiver;
import io.tegami.smtp.session.SessionState;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.Transaction;

/**
 * {@code DATA} (RFC 5321 4.1.1.4): opens the queue file ({@link MessageStart}) and hands the
 * session over to a {@link DataReceiver} until the final dot; refused once BDAT was used. The
 * outcome is decided there, so this returns {@link Outcome#PENDING} once the 354 has been sent.
 */
public final class DataCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "DATA";
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        Transaction transaction = session.state().transaction();
        if (session.state().bdat() != SessionState.Bdat.NONE) {
            return fail(session, "503 5.5.1 Error: DATA after BDAT");
        }
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
        if (io.tegami.smtp.restriction.Gates.data(session)) { return Outcome.FAILURE; }
        DataReceiver receiver = MessageStart.open(session, transaction);
        if (receiver == null) {
            return fail(session, MessageStart.WRITE_ERROR);
        }
        session.beginData(receiver);
        session.reply("354 End data with <CR><LF>.<CR><LF>");
        return Outcome.PENDING;
    }

    private static Outcome fail(SmtpSession session, String reply) {
        session.reply(reply);
        return Outcome.FAILURE;
    }
}
