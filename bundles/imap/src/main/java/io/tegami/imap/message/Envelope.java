package io.tegami.imap.message;

/**
 * The header fields behind an IMAP ENVELOPE (RFC 3501 7.4.2), unfolded (CR and LF removed), as
 * written: RFC 2047 encoded words stay encoded. A field that is absent is null. As Dovecot does,
 * a repeated address field adds its addresses to the earlier ones (the values are joined with LF,
 * which {@link AddressParser#parse} splits on) and a repeated string field replaces the earlier
 * value.
 *
 * @param date the Date field
 * @param subject the Subject field
 * @param from the From address list
 * @param sender the Sender address list
 * @param replyTo the Reply-To address list
 * @param to the To address list
 * @param cc the Cc address list
 * @param bcc the Bcc address list
 * @param inReplyTo the In-Reply-To field
 * @param messageId the Message-ID field
 */
public record Envelope(String date, String subject, String from, String sender, String replyTo, String to,
        String cc, String bcc, String inReplyTo, String messageId) {

    /** An envelope with every field absent. */
    public static final Envelope EMPTY = new Envelope(null, null, null, null, null, null, null, null, null, null);
}
