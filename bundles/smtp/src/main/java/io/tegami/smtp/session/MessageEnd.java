package io.tegami.smtp.session;

import java.util.List;

import io.tegami.api.mail.MailAddress;
import io.tegami.smtp.data.DataReceiver;
import io.tegami.smtp.data.DataResult;
import io.tegami.smtp.restriction.Gates;

/**
 * The end of a message (the final dot, the last BDAT chunk): end-of-data restrictions, the commit
 * and the reply ({@code 250 2.0.0 Ok: queued as ID}; for BDAT, as Postfix,
 * {@code 250 2.0.0 Ok: SIZE bytes queued as ID}), or the refusal. A message refused for a bare LF
 * ({@code smtpd_forbid_bare_newline = reject}) is logged as Postfix logs it, and a 521 reject code
 * hangs up. The transaction ends either way.
 */
public final class MessageEnd {

    private MessageEnd() {
    }

    /** Finishes {@code receiver}, replies, and returns how it went. */
    public static DataResult finish(SmtpSession session, DataReceiver receiver, boolean bdat) {
        session.where("END-OF-MESSAGE");
        Transaction transaction = session.state().transaction();
        DataResult result = Gates.endOfData(session, receiver);
        session.state().endTransaction();
        if (result.accepted()) {
            session.errors().reset();
            session.reply(bdat ? "250 2.0.0 Ok: " + receiver.size() + " bytes queued as " + receiver.queueId()
                    : result.reply());
            return result;
        }
        session.errors().countError();
        session.reply(result.reply());
        if (receiver.refusedForBareLf()) {
            List<MailAddress> to = transaction == null ? List.of() : transaction.recipients();
            session.logReject(receiver.queueId(), "END-OF-MESSAGE", "bare <LF> received",
                    transaction == null ? null : transaction.sender().toString(),
                    to.size() == 1 ? to.get(0).toString() : null);
            if (session.settings().bareNewlineRejectCode() == 521) {
                session.hangUp();
            }
        }
        return result;
    }
}
