package io.tegami.pop3.command;

import io.tegami.pop3.maildrop.Maildrop;
import io.tegami.pop3.session.Pop3Session;

/**
 * Reads the message number (and TOP's line count) of a command in Dovecot's way and answers a bad
 * one with Dovecot's {@code -ERR}: {@code Invalid message number: x}, {@code There's no message 9.},
 * {@code Message is deleted.} and the like. RFC 1939: "a message-number argument may refer to a
 * message marked as deleted only where that is explicitly allowed" (nowhere).
 */
final class MessageNumbers {

    /** A parsed number and what follows it (spaces skipped). */
    record Parsed(long value, String rest) {
    }

    private MessageNumbers() {
    }

    /**
     * A message number that names a message of the snapshot not marked deleted.
     *
     * @param thenSpace whether more arguments must follow (TOP)
     * @return the number and the rest, or null after an {@code -ERR} reply
     */
    static Parsed message(Pop3Session session, String args, boolean thenSpace) {
        Parsed p = number(session, args, thenSpace, "message number", 0xFFFFFFFFL);
        if (p == null) {
            return null;
        }
        Maildrop drop = session.maildrop();
        if (!drop.exists(p.value())) {
            session.reply("-ERR There's no message " + p.value() + ".");
            return null;
        }
        if (drop.isDeleted((int) p.value())) {
            session.reply("-ERR Message is deleted.");
            return null;
        }
        return p;
    }

    /** TOP's line count: a non-negative number, nothing after it. */
    static Parsed size(Pop3Session session, String args) {
        return number(session, args, false, "size", Long.MAX_VALUE);
    }

    private static Parsed number(Pop3Session session, String args, boolean thenSpace, String noun, long max) {
        String capital = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        if (args.isEmpty() || !isDigit(args.charAt(0))) {
            session.reply("-ERR Invalid " + noun + ": " + args);
            return null;
        }
        int end = 0;
        long value = 0;
        while (end < args.length() && isDigit(args.charAt(end))) {
            int digit = args.charAt(end) - '0';
            if (value > (max - digit) / 10) {
                session.reply("-ERR " + capital + " too large: " + args);
                return null;
            }
            value = value * 10 + digit;
            end++;
        }
        String rest = args.substring(end);
        if (thenSpace ? !rest.startsWith(" ") : !rest.isEmpty()) {
            session.reply("-ERR Noise after " + noun + ": " + rest);
            return null;
        }
        return new Parsed(value, rest.stripLeading());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
