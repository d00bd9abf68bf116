package io.tegami.smtp.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tegami.api.mail.RecipientDsn;
import io.tegami.api.mail.RecipientDsn.Notify;
import io.tegami.api.mail.Xtext;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpdLog;

/**
 * The RFC 3461 parameters of {@code RCPT TO}: {@code NOTIFY=NEVER|SUCCESS,FAILURE,DELAY} and
 * {@code ORCPT=addr-type;xtext}, with Postfix's replies. Without {@code ORCPT} the recipient as the
 * client wrote it is kept as {@code rfc822;address}, as Postfix records it, so that every DSN can
 * name the original recipient even after address rewriting.
 */
final class RcptOptions {

    RecipientDsn dsn;
    /** The reply for the first bad parameter, or null. */
    String error;

    private RcptOptions() {
    }

    /**
     * @param written the recipient as the client wrote it, for the default ORCPT
     */
    static RcptOptions parse(SmtpSession session, List<String> parameters, String written) {
        RcptOptions o = new RcptOptions();
        Set<Notify> notify = null;
        String orcpt = null;
        for (String parameter : parameters) {
            String upper = parameter.toUpperCase(Locale.ROOT);
            String error = null;
            if (upper.startsWith("NOTIFY=")) {
                error = MailOptions.dsnDisabled(session.settings());
                Set<Notify> parsed = notify(parameter.substring("NOTIFY=".length()));
                if (error == null && (notify != null || parsed == null)) {
                    error = "501 5.5.4 Error: Bad NOTIFY parameter syntax";
                }
                notify = parsed;
            } else if (upper.startsWith("ORCPT=")) {
                error = MailOptions.dsnDisabled(session.settings());
                String parsed = orcpt(parameter.substring("ORCPT=".length()));
                if (error == null && (orcpt != null || parsed == null)) {
                    error = "501 5.5.4 Error: Bad ORCPT parameter syntax";
                }
                orcpt = parsed;
            } else {
                error = "555 5.5.4 Unsupported option: " + MailOptions.echoed(parameter);
            }
            if (error != null) {
                o.error = error;
                return o;
            }
        }
        o.dsn = new RecipientDsn(notify, orcpt != null ? orcpt : "rfc822;" + written);
        return o;
    }

    /** {@code NEVER} alone, or a list of SUCCESS, FAILURE and DELAY, without case; null if neither. */
    static Set<Notify> notify(String value) {
        Set<Notify> set = EnumSet.noneOf(Notify.class);
        for (String word : value.split(",", -1)) {
            try {
                set.add(Notify.valueOf(word.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                SmtpdLog.warn("unknown DSN NOTIFY command value \"{}\" in \"{}\"", printable(word), printable(value));
                return null;
            }
        }
        return set.contains(Notify.NEVER) && set.size() > 1 ? null : set;
    }

    /**
     * {@code addr-type;xtext}: the type must not be empty; {@code utf-8} addresses use RFC 6533's
     * {@code \x{HEX}} escapes, others xtext. Kept as {@code type;decoded-address}.
     */
    static String orcpt(String value) {
        int semi = value.indexOf(';');
        if (semi <= 0) {
            return null;
        }
        String type = value.substring(0, semi);
        String coded = value.substring(semi + 1);
        boolean utf8 = type.equalsIgnoreCase("utf-8");
        String address = utf8 ? Xtext.decodeUtf8(coded) : Xtext.decode(coded);
        // Postfix's allprint(): a decoded CR or LF would end up as a header line of the DSN
        // (Original-Recipient:). Found by SecurityBatteryIT.
        if (address == null || (utf8 ? address.chars().anyMatch(Character::isISOControl) : !MailOptions.printable(address))) {
            return null;
        }
        return type + ";" + address;
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
