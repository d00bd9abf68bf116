package io.tegami.smtp.command;

import io.tegami.api.mail.MailAddress;
import io.tegami.smtp.restriction.Gates;
import io.tegami.smtp.restriction.UserNames;
import io.tegami.smtp.session.SmtpSession;

/**
 * Decides whether we take mail for a recipient (RCPT) or vouch for it (VRFY), by Postfix's
 * restriction lists: {@code smtpd_relay_restrictions} and {@code smtpd_recipient_restrictions}
 * (with the client, HELO and sender restrictions delayed to this point), then the implicit
 * {@code reject_unlisted_recipient}: a local recipient must be a user of the user directory.
 */
final class RecipientCheck {

    private RecipientCheck() {
    }

    /**
     * @param address the recipient, qualified
     * @param shown the address as the client wrote it (Postfix's internal form), which the
     *        restrictions judge and the reply quotes
     * @return {@code null} when the recipient is acceptable, otherwise the reject reply
     */
    static String check(SmtpSession session, MailAddress address, String shown) {
        return Gates.recipient(session, shown.isEmpty() ? address.toString() : shown);
    }

    /** The login name a local part stands for; see {@link UserNames#of}. */
    static String userName(String localPart, String delimiters) {
        return UserNames.of(localPart, delimiters);
    }
}
