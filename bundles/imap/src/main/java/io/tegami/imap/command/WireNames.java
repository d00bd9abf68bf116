package io.tegami.imap.command;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.ModifiedUtf7;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ImapStrings;
import io.tegami.imap.protocol.ParseException;

/**
 * Mailbox names between the wire and the store: clients send modified UTF-7 (RFC 3501 5.1.3),
 * the store API speaks Unicode. INBOX is matched without case, also as the first level of a name.
 */
final class WireNames {

    private WireNames() {
    }

    /** Reads a {@code mailbox} argument and returns its Unicode name, INBOX normalized. */
    static String read(CommandReader r, char delimiter) throws ParseException, CommandException {
        return normalizeInbox(decode(r.astring()), delimiter);
    }

    /** Decodes modified UTF-7; invalid names are refused with {@code NO}. */
    static String decode(String wire) throws CommandException {
        try {
            return ModifiedUtf7.decode(wire);
        } catch (IllegalArgumentException e) {
            throw new CommandException(Result.no("[CANNOT] Mailbox name is not valid mUTF-7"));
        }
    }

    /** {@code inbox}, {@code Inbox.Sub} become {@code INBOX}, {@code INBOX.Sub}. */
    static String normalizeInbox(String name, char delimiter) {
        int d = name.indexOf(delimiter);
        String first = d < 0 ? name : name.substring(0, d);
        if (first.equalsIgnoreCase(MailboxSession.INBOX) && !first.equals(MailboxSession.INBOX)) {
            return MailboxSession.INBOX + (d < 0 ? "" : name.substring(d));
        }
        return name;
    }

    /** A Unicode name as it goes on the wire: modified UTF-7, as an astring. */
    static String astring(String name) {
        return ImapStrings.astring(ModifiedUtf7.encode(name));
    }

    /** A Unicode name as a quoted string or literal (STATUS, LIST always quote in Dovecot's style). */
    static String string(String name) {
        return ImapStrings.string(ModifiedUtf7.encode(name));
    }
}
