package io.tegami.smtp.command;

import java.util.Locale;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.UserDirectory;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;
import io.tegami.smtp.session.SmtpdLog;

/**
 * Decides whether we take mail for a recipient (RCPT) or vouch for it (VRFY). For now only the
 * domains in {@code mydestination} are ours, their users come from the {@link UserDirectory}
 * (Postfix's {@code local_recipient_maps}), and nothing is relayed.
 */
final class RecipientCheck {

    private RecipientCheck() {
    }

    /**
     * @param address the recipient, qualified
     * @param shown the address as the client wrote it, for the reply
     * @return {@code null} when the recipient is acceptable, otherwise the reject reply
     */
    static String check(SmtpSession session, MailAddress address, String shown) {
        SmtpSettings settings = session.settings();
        if (!isLocal(address.domain(), settings)) {
            return "554 5.7.1 <" + shown + ">: Relay access denied";
        }
        String temporary = "451 4.3.0 <" + shown + ">: Temporary lookup failure";
        UserDirectory users = session.services().users();
        if (users == null) {
            SmtpdLog.warn("no user directory service: cannot verify local recipient {}", shown);
            return temporary;
        }
        String name = userName(address.localPart(), settings.recipientDelimiter());
        try {
            if (users.lookup(name).isEmpty()) {
                return "550 5.1.1 <" + shown + ">: Recipient address rejected: User unknown in local recipient table";
            }
        } catch (DirectoryException | RuntimeException e) {
            SmtpdLog.warn("user directory lookup of {} failed: {}", name, e.toString());
            return temporary;
        }
        return null;
    }

    /** True when {@code domain} is listed in {@code mydestination}, without case. */
    static boolean isLocal(String domain, SmtpSettings settings) {
        for (String local : settings.mydestination()) {
            if (local.equalsIgnoreCase(domain)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The login name a local part stands for: lower case, without the address extension
     * ({@code Alice+news} is {@code alice} with {@code recipient_delimiter = +}). As in Postfix,
     * every character of the delimiter setting is a delimiter, and a leading one is not cut.
     */
    static String userName(String localPart, String delimiters) {
        String name = localPart.toLowerCase(Locale.ROOT);
        int cut = -1;
        for (int i = 0; i < delimiters.length(); i++) {
            int at = name.indexOf(delimiters.charAt(i));
            if (at > 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        return cut > 0 ? name.substring(0, cut) : name;
    }
}
