package io.tegami.pop3.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.tegami.api.store.StoreException;
import io.tegami.pop3.maildrop.Maildrop;
import io.tegami.pop3.maildrop.MessageSender;
import io.tegami.pop3.maildrop.UidlFormat;
import io.tegami.pop3.session.Pop3Log;
import io.tegami.pop3.session.Pop3Session;

/**
 * The commands of the TRANSACTION state (RFC 1939 sections 5 and 7, RFC 2449 CAPA) and QUIT's
 * UPDATE state, with Dovecot's pop3 replies. Every command works on the snapshot taken at login;
 * only QUIT changes the store. An unknown command or a bad message number returns false, which
 * counts toward the bad-command limit.
 */
public final class TransactionCommands {

    /** Long listings go out in pieces of about this many characters. */
    private static final int LISTING_CHUNK = 16 * 1024;

    private TransactionCommands() {
    }

    /**
     * Runs one command.
     *
     * @param verb the command name, upper case
     * @param args the arguments, leading spaces removed
     * @return false for an unknown command or a bad argument
     */
    public static boolean execute(Pop3Session session, String verb, String args) {
        return switch (verb) {
            case "STAT" -> stat(session);
            case "LIST" -> list(session, args);
            case "RETR" -> retr(session, args);
            case "TOP" -> top(session, args);
            case "DELE" -> dele(session, args);
            case "RSET" -> rset(session);
            case "NOOP" -> ok(session, "+OK");
            case "UIDL" -> uidl(session, args);
            case "CAPA" -> {
                session.write(Capabilities.transaction());
                yield true;
            }
            case "QUIT" -> quit(session);
            default -> {
                session.reply("-ERR Unknown command: " + Pop3Log.printable(verb));
                yield false;
            }
        };
    }

    private static boolean ok(Pop3Session session, String reply) {
        session.reply(reply);
        return true;
    }

    private static boolean stat(Pop3Session session) {
        Maildrop drop = session.maildrop();
        return ok(session, "+OK " + drop.liveCount() + " " + drop.liveSize());
    }

    private static boolean list(Pop3Session session, String args) {
        Maildrop drop = session.maildrop();
        if (!args.isEmpty()) {
            MessageNumbers.Parsed n = MessageNumbers.message(session, args, false);
            return n != null && ok(session, "+OK " + n.value() + " " + drop.size((int) n.value()));
        }
        StringBuilder sb = new StringBuilder("+OK ").append(drop.liveCount()).append(" messages:\r\n");
        for (int i = 1; i <= drop.count(); i++) {
            if (!drop.isDeleted(i)) {
                sb.append(i).append(' ').append(drop.size(i)).append("\r\n");
                sb = drain(session, sb);
            }
        }
        session.write(sb.append(".\r\n"));
        return true;
    }

    private static boolean uidl(Pop3Session session, String args) {
        Maildrop drop = session.maildrop();
        UidlFormat format = uidlFormat(session);
        if (!args.isEmpty()) {
            MessageNumbers.Parsed n = MessageNumbers.message(session, args, false);
            int i = n == null ? 0 : (int) n.value();
            return n != null && ok(session, "+OK " + i + " " + format.format(drop.uid(i), drop.uidValidity()));
        }
        StringBuilder sb = new StringBuilder("+OK\r\n");
        for (int i = 1; i <= drop.count(); i++) {
            if (!drop.isDeleted(i)) {
                sb.append(i).append(' ').append(format.format(drop.uid(i), drop.uidValidity())).append("\r\n");
                sb = drain(session, sb);
            }
        }
        session.write(sb.append(".\r\n"));
        return true;
    }

    private static UidlFormat uidlFormat(Pop3Session session) {
        String configured = session.settings().uidlFormat();
        try {
            return UidlFormat.parse(configured);
        } catch (IllegalArgumentException e) {
            Pop3Log.userWarn(session.userName(), "Error: " + e.getMessage() + "; using " + UidlFormat.DEFAULT);
            return UidlFormat.DEFAULT;
        }
    }

    private static StringBuilder drain(Pop3Session session, StringBuilder sb) {
        if (sb.length() < LISTING_CHUNK) {
            return sb;
        }
        session.write(sb);
        return new StringBuilder();
    }

    private static boolean dele(Pop3Session session, String args) {
        MessageNumbers.Parsed n = MessageNumbers.message(session, args, false);
        if (n == null) {
            return false;
        }
        session.maildrop().markDeleted((int) n.value());
        return ok(session, "+OK Marked to be deleted.");
    }

    private static boolean rset(Pop3Session session) {
        session.maildrop().reset();
        return ok(session, "+OK");
    }

    private static boolean retr(Pop3Session session, String args) {
        MessageNumbers.Parsed n = MessageNumbers.message(session, args, false);
        if (n == null) {
            return false;
        }
        int number = (int) n.value();
        String header = "+OK " + session.maildrop().size(number) + " octets\r\n";
        long sent = send(session, number, header, -1);
        if (sent >= 0) {
            if (!session.settings().noFlagUpdates()) {
                session.maildrop().markRetrieved(number);
            }
            session.stats().retr(sent);
        }
        return true;
    }

    private static boolean top(Pop3Session session, String args) {
        MessageNumbers.Parsed n = MessageNumbers.message(session, args, true);
        if (n == null) {
            return false;
        }
        MessageNumbers.Parsed lines = MessageNumbers.size(session, n.rest());
        if (lines == null) {
            return false;
        }
        long sent = send(session, (int) n.value(), "+OK\r\n", lines.value());
        if (sent >= 0) {
            session.stats().top(sent);
        }
        return true;
    }

    /**
     * Sends {@code header}, the message (stuffed, whole or TOP's part) and the final dot.
     *
     * @return the bytes sent before the dot, or -1 when the message could not be sent
     */
    private static long send(Pop3Session session, int number, String header, long bodyLines) {
        Maildrop drop = session.maildrop();
        InputStream in;
        try {
            in = drop.open(number);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.NOT_FOUND) {
                session.reply("-ERR Message " + number + " expunged.");
            } else {
                Pop3Log.userWarn(session.userName(), "Error: reading message UID " + drop.uid(number) + ": " + e.getMessage());
                session.reply("-ERR [SYS/TEMP] Internal error occurred. Refer to server log for more information.");
            }
            return -1;
        }
        List<String> workarounds = session.settings().clientWorkarounds();
        MessageSender sender = new MessageSender(session.connection(), workarounds.contains("outlook-no-nuls"),
                workarounds.contains("oe-ns-eoh"));
        session.write(header);
        try (in) {
            long sent = sender.send(in, bodyLines);
            session.stats().output(sent);
            session.write(".\r\n");
            return header.length() + sent;
        } catch (IOException | RuntimeException e) {
            // The +OK is out and part of the message may be: the only honest end is to hang up.
            Pop3Log.userWarn(session.userName(), "Error: reading message UID " + drop.uid(number) + " failed: " + e);
            session.finish("Disconnected: Storage error while sending a message.", false);
            return -1;
        }
    }

    private static boolean quit(Pop3Session session) {
        Maildrop drop = session.maildrop();
        try {
            drop.update(true);
        } catch (StoreException | RuntimeException e) {
            Pop3Log.userWarn(session.userName(), "Error: UPDATE failed: " + e.getMessage());
            session.reply("-ERR [SYS/TEMP] Internal error occurred. Refer to server log for more information.");
            session.finish("Disconnected: Storage error during logout.", false);
            return true;
        }
        session.stats().deleteSucceeded();
        session.reply(drop.deletedCount() > 0 ? "+OK Logging out, messages deleted." : "+OK Logging out.");
        session.finish("Disconnected: Logged out", true);
        return true;
    }
}
