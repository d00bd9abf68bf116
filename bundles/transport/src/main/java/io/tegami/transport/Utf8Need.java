package io.tegami.transport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;

/**
 * Whether a delivery asks for or needs SMTPUTF8 (RFC 6531), as Postfix's smtp client decides:
 * the message asks for it when its client declared SMTPUTF8 (or, for mail that came without that
 * declaration, when an envelope address is UTF-8, as Postfix's autodetection marks local
 * submissions); it needs it when, beyond asking, an envelope address or the message header really
 * holds UTF-8. A message that asked but is all ASCII goes to a server without SMTPUTF8 as it is; one
 * that needs it is bounced there ({@code 5.6.7}).
 */
final class Utf8Need {

    private Utf8Need() {
    }

    /** Asked for: declare SMTPUTF8 on MAIL when the server offers it. */
    static boolean requested(QueuedMessage message, List<MailAddress> rcpts) {
        return message.envelope().smtputf8() || utf8Addresses(message.envelope().sender(), rcpts);
    }

    /**
     * Needed: a server without SMTPUTF8 cannot take the message. Reads the message header (only
     * that) when the addresses alone do not settle it.
     *
     * @throws IOException when the queue file cannot be read
     */
    static boolean required(QueuedMessage message, List<MailAddress> rcpts) throws IOException {
        if (utf8Addresses(message.envelope().sender(), rcpts)) {
            return true;
        }
        return message.envelope().smtputf8() && utf8Header(message);
    }

    /** Non-ASCII in an envelope address needs SMTPUTF8. */
    static boolean utf8Addresses(MailAddress sender, List<MailAddress> rcpts) {
        return !ascii(sender.toString()) || rcpts.stream().anyMatch(r -> !ascii(r.toString()));
    }

    /** True when a byte of the header (up to the first empty line) is not ASCII; streams, stops there. */
    static boolean utf8Header(QueuedMessage message) throws IOException {
        try (InputStream in = new BufferedInputStream(message.openContent())) {
            int previous = '\n';
            int b;
            while ((b = in.read()) >= 0) {
                if (b >= 0x80) {
                    return true;
                }
                if (b == '\n' && previous == '\n') {
                    return false; // the end of the header
                }
                if (b != '\r') {
                    previous = b;
                }
            }
            return false;
        }
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
