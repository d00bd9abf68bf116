package io.tegami.smtp.command;

import java.util.List;
import java.util.Locale;

import io.tegami.api.mail.Xtext;
import io.tegami.smtp.auth.AuthOffer;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpSettings;

/**
 * The ESMTP parameters of {@code MAIL FROM}: {@code SIZE} (RFC 1870), {@code BODY} (RFC 6152),
 * {@code AUTH} (RFC 4954 section 5), {@code RET} and {@code ENVID} (RFC 3461) and
 * {@code SMTPUTF8} (RFC 6531), checked in the order given with Postfix's replies.
 */
final class MailOptions {

    String body;
    String authSender;
    long size;
    String ret;
    String envid;
    boolean smtputf8;
    /** The reply for the first bad parameter, or null. */
    String error;

    private MailOptions() {
    }

    static MailOptions parse(SmtpSession session, List<String> parameters) {
        MailOptions o = new MailOptions();
        boolean authSeen = false;
        for (String parameter : parameters) {
            String upper = parameter.toUpperCase(Locale.ROOT);
            String error = null;
            if (upper.equals("BODY=8BITMIME") || upper.equals("BODY=7BIT")) {
                o.body = upper.substring("BODY=".length());
            } else if (upper.startsWith("SIZE=")) {
                error = o.size(parameter.substring("SIZE=".length()));
            } else if (upper.startsWith("AUTH=") && AuthOffer.of(session).allowed()) {
                if (authSeen) {
                    error = "503 5.5.4 Error: multiple AUTH= options";
                } else {
                    authSeen = true;
                    String value = parameter.substring("AUTH=".length());
                    o.authSender = value.equals("<>") ? null : value.replaceAll("\\p{Cntrl}", "?");
                }
            } else if (upper.startsWith("RET=")) {
                error = dsnDisabled(session.settings());
                if (error == null && (o.ret != null || !(upper.equals("RET=FULL") || upper.equals("RET=HDRS")))) {
                    error = "501 5.5.4 Bad RET parameter syntax";
                }
                o.ret = upper.substring("RET=".length());
            } else if (upper.startsWith("ENVID=")) {
                error = dsnDisabled(session.settings());
                String decoded = Xtext.decode(parameter.substring("ENVID=".length()));
                if (error == null && (o.envid != null || decoded == null || decoded.isEmpty() || !printable(decoded))) {
                    error = "501 5.5.4 Bad ENVID parameter syntax";
                }
                o.envid = decoded;
            } else if (upper.equals("SMTPUTF8") && smtputf8Offered(session.settings())) {
                o.smtputf8 = true;
            } else {
                error = "555 5.5.4 Unsupported option: " + echoed(parameter);
            }
            if (error != null) {
                o.error = error;
                return o;
            }
        }
        return o;
    }

    private String size(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "501 5.5.4 Bad message size syntax";
        }
        try {
            size = Long.parseLong(digits);
            return null;
        } catch (NumberFormatException e) {
            return "552 5.3.4 Message size exceeds file system imposed limit";
        }
    }

    /** Postfix refuses DSN parameters when DSN is in smtpd_discard_ehlo_keywords. */
    static String dsnDisabled(SmtpSettings settings) {
        return settings.ehloDiscards("DSN") ? "501 5.7.1 DSN support is disabled" : null;
    }

    /** SMTPUTF8 exists only while it is enabled and not discarded from EHLO. */
    static boolean smtputf8Offered(SmtpSettings settings) {
        return settings.smtputf8Enabled() && !settings.ehloDiscards("SMTPUTF8");
    }

    /**
     * A client's word as a reply may echo it: control characters (a bare CR survives line
     * splitting) become '?', as Postfix's printable() does, so that no reply carries a line break,
     * and at most 160 characters of it (3 UTF-8 octets each at most) keep the reply line within
     * RFC 5321's 512 octets. Both found by fuzzing (SmtpCommandFuzzTest).
     */
    static String echoed(String s) {
        String shown = s.length() > 160 ? s.substring(0, 160) + "..." : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** Postfix's {@code allprint}: printable ASCII, space included. */
    static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** True when an address needs SMTPUTF8: anything outside ASCII. */
    static boolean nonAscii(String address) {
        return !address.chars().allMatch(c -> c < 0x80);
    }

    /** RFC 6531 with {@code strict_smtputf8}: Postfix's 553 for a UTF-8 address outside an SMTPUTF8 transaction. */
    static String undeclaredUtf8(SmtpSettings settings, String address, boolean smtputf8) {
        if (!smtputf8 && smtputf8Offered(settings) && settings.strictSmtputf8() && nonAscii(address)) {
            return "553 5.6.7 Must declare SMTPUTF8 to send unicode address";
        }
        return null;
    }
}
