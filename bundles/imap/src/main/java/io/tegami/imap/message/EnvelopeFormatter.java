package io.tegami.imap.message;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes the IMAP ENVELOPE structure (RFC 3501 7.4.2) as Dovecot does: date, message-id and
 * in-reply-to as written; subject and names with whitespace tidied for humans; encoded words
 * left encoded; sender and reply-to defaulting to from; NIL for absent fields and empty lists.
 */
public final class EnvelopeFormatter {

    private EnvelopeFormatter() {
    }

    /** The parenthesized envelope, {@code (date subject from ... message-id)}. */
    public static byte[] format(Envelope e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(out, e);
        return out.toByteArray();
    }

    /** Writes the parenthesized envelope. */
    public static void write(ByteArrayOutputStream out, Envelope e) {
        out.write('(');
        ImapString.nstring(out, e.date());
        out.write(' ');
        ImapString.humanNString(out, e.subject());
        out.write(' ');
        List<Address> from = AddressParser.parse(e.from());
        addresses(out, from);
        out.write(' ');
        addresses(out, orFrom(AddressParser.parse(e.sender()), from));
        out.write(' ');
        addresses(out, orFrom(AddressParser.parse(e.replyTo()), from));
        out.write(' ');
        addresses(out, AddressParser.parse(e.to()));
        out.write(' ');
        addresses(out, AddressParser.parse(e.cc()));
        out.write(' ');
        addresses(out, AddressParser.parse(e.bcc()));
        out.write(' ');
        ImapString.nstring(out, e.inReplyTo());
        out.write(' ');
        ImapString.nstring(out, e.messageId());
        out.write(')');
    }

    private static List<Address> orFrom(List<Address> list, List<Address> from) {
        return list.isEmpty() ? from : list;
    }

    /** Writes an address list: {@code NIL} when empty, else {@code ((name adl mailbox host)...)}. */
    public static void addresses(ByteArrayOutputStream out, List<Address> list) {
        if (list.isEmpty()) {
            ImapString.ascii(out, "NIL");
            return;
        }
        out.write('(');
        for (Address a : list) {
            out.write('(');
            ImapString.humanNString(out, a.name());
            out.write(' ');
            ImapString.nstring(out, a.route());
            out.write(' ');
            ImapString.nstring(out, a.mailbox());
            out.write(' ');
            ImapString.nstring(out, a.host());
            out.write(')');
        }
        out.write(')');
    }
}
