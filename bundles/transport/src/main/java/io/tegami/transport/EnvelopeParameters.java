package io.tegami.transport;

import java.util.Locale;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;
import io.tegami.api.mail.Xtext;
import io.tegami.api.queue.QueuedMessage;

/**
 * The ESMTP parameters of MAIL FROM and RCPT TO, in the order Postfix's smtp client writes them:
 * {@code SIZE}, {@code BODY}, {@code ENVID}, {@code RET}, {@code SMTPUTF8} on MAIL;
 * {@code ORCPT}, {@code NOTIFY} on RCPT. Each only when the server announced the extension: the
 * DSN parameters the client of this system gave (RFC 3461) go on to a DSN-capable server as they
 * came, re-encoded as xtext, so that it reports to the sender what it would have been told here.
 */
final class EnvelopeParameters {

    private EnvelopeParameters() {
    }

    /**
     * The parameters after {@code MAIL FROM:<sender>}, each with its leading space.
     *
     * @param smtputf8 whether to declare SMTPUTF8 (the server offers it and the message asks for it)
     */
    static String mail(QueuedMessage message, Extensions ext, boolean smtputf8) {
        Envelope env = message.envelope();
        StringBuilder sb = new StringBuilder();
        if (ext.size() >= 0) {
            sb.append(" SIZE=").append(message.size());
        }
        if (ext.eightBitMime()) {
            String body = env.attribute(Envelope.BODY);
            if ("8BITMIME".equalsIgnoreCase(body)) {
                sb.append(" BODY=8BITMIME");
            } else if ("7BIT".equalsIgnoreCase(body)) {
                sb.append(" BODY=7BIT");
            }
        }
        if (ext.dsn()) {
            String envid = env.dsnEnvid();
            if (envid != null && !envid.isEmpty()) {
                sb.append(" ENVID=").append(Xtext.encode(envid));
            }
            String ret = env.dsnRet();
            if (ret != null && !ret.isEmpty()) {
                sb.append(" RET=").append(ret.toUpperCase(Locale.ROOT));
            }
        }
        if (smtputf8) {
            sb.append(" SMTPUTF8");
        }
        return sb.toString();
    }

    /** The parameters after {@code RCPT TO:<recipient>}, each with its leading space. */
    static String rcpt(Envelope env, MailAddress recipient, Extensions ext) {
        if (!ext.dsn()) {
            return "";
        }
        RecipientDsn dsn = env.dsn(recipient);
        StringBuilder sb = new StringBuilder();
        if (dsn.orcpt() != null && dsn.orcptType() != null) {
            sb.append(" ORCPT=").append(orcpt(dsn.orcpt()));
        }
        String notify = dsn.notifyText();
        if (notify != null) {
            sb.append(" NOTIFY=").append(notify);
        }
        return sb.toString();
    }

    /**
     * {@code type;address} encoded for the wire: RFC 6533's {@code utf-8-addr-xtext} for the
     * {@code utf-8} type, xtext (RFC 3461) for any other. The type itself stays as it was given.
     */
    static String orcpt(String typeAndAddress) {
        int semi = typeAndAddress.indexOf(';');
        String type = typeAndAddress.substring(0, semi);
        if (type.equalsIgnoreCase("utf-8")) {
            return type + ";" + utf8AddrXtext(typeAndAddress.substring(semi + 1));
        }
        return Xtext.encode(typeAndAddress);
    }

    /**
     * RFC 6533 section 3's {@code utf-8-addr-xtext}: printable ASCII except {@code +}, {@code =}
     * and {@code \} as it is, everything else as {@code \x{HEX}}, which the receiving side decodes
     * with {@link Xtext#decodeUtf8}.
     */
    static String utf8AddrXtext(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp > ' ' && cp < 0x7f && cp != '+' && cp != '=' && cp != '\\') {
                sb.append((char) cp);
            } else {
                sb.append("\\x{").append(Integer.toHexString(cp).toUpperCase(Locale.ROOT)).append('}');
            }
        });
        return sb.toString();
    }
}
