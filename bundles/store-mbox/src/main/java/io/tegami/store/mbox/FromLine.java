package io.tegami.store.mbox;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The line that starts each message in an mbox: {@code From <envelope sender> <asctime date>}.
 *
 * <p>Writing follows Postfix local and Dovecot: the sender (or {@code MAILER-DAEMON} for the null
 * sender) and the arrival time in the local time zone in {@code asctime()} form
 * ({@code Thu Nov  9 22:33:52 2001}). Reading is as lenient as Dovecot's mbox-from.c: extra
 * spaces, a missing seconds field, a numeric or named zone before or after the year, and the
 * {@code Thu, 9 Nov 2002 22:33:52} variant. A line whose date does not parse is not a From_ line:
 * that is what keeps a body line "From here we went on..." from splitting a message in readers
 * that share this rule (Dovecot, mutt).
 *
 * @param sender the envelope sender as written, {@code MAILER-DAEMON} for the null sender
 * @param date the arrival time
 */
record FromLine(String sender, Instant date) {

    static final String MAILER_DAEMON = "MAILER-DAEMON";
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /**
     * A From_ line for a new message. The sender is cleaned of white space and control characters,
     * which would make the line unparseable.
     */
    static FromLine of(String sender, Instant date) {
        String s = sender == null ? "" : sender.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            clean.append(c <= ' ' || c == 0x7f ? '_' : c);
        }
        return new FromLine(clean.isEmpty() ? MAILER_DAEMON : clean.toString(), date);
    }

    /** The line, with its LF, in the given zone (the system's, as Postfix and Dovecot write it). */
    byte[] format(ZoneId zone) {
        ZonedDateTime t = date.atZone(zone);
        String line = String.format("From %s %s %s %2d %02d:%02d:%02d %04d\n", sender,
                DAYS[t.getDayOfWeek().getValue() - 1], MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getYear());
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /** True if the bytes start with "From " (the cheap test before {@link #parse}). */
    static boolean startsWithFrom(byte[] b, int off, int len) {
        return len >= 5 && b[off] == 'F' && b[off + 1] == 'r' && b[off + 2] == 'o' && b[off + 3] == 'm'
                && b[off + 4] == ' ';
    }

    /**
     * Parses a From_ line (without or with its line ending).
     *
     * @return the line, or null if it is not a valid From_ line
     */
    static FromLine parse(byte[] b, int off, int len, ZoneId zone) {
        if (!startsWithFrom(b, off, len)) {
            return null;
        }
        int end = off + len;
        while (end > off && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
            end--;
        }
        Cursor c = new Cursor(b, off + 5, end);
        int senderStart = c.pos;
        if (c.peek() == '"') { // "x y"@domain: skip the quoted part
            c.pos++;
            boolean esc = false;
            while (c.pos < end && (b[c.pos] != '"' || esc)) {
                esc = b[c.pos] == '\\' && !esc;
                c.pos++;
            }
            c.pos++;
        }
        while (c.pos < end && b[c.pos] != ' ') {
            c.pos++;
        }
        if (c.pos > end) {
            return null;
        }
        String sender = new String(b, senderStart, c.pos - senderStart, StandardCharsets.UTF_8);
        c.skipSpaces();
        try {
            Instant date = parseDate(c, zone);
            return date == null ? null : new FromLine(sender, date);
        } catch (DateTimeException e) {
            return null; // Feb 31 and the like
        }
    }

    private static Instant parseDate(Cursor c, ZoneId zone) {
        if (c.remaining() < 20 || !c.isAlpha(3)) {
            return null;
        }
        c.pos += 3; // weekday, not checked (as Dovecot)
        int month;
        int day;
        int year = -1;
        boolean alt = false;
        if (c.peek() == ',') { // "Thu, 9 Nov 2002 22:33:52"
            alt = true;
            c.pos++;
            c.skipSpaces();
            day = c.number(1, 2);
            if (day < 0 || !c.expect(' ')) {
                return null;
            }
            month = c.month();
            if (month < 0 || !c.expect(' ')) {
                return null;
            }
            year = c.number(4, 4);
            if (year < 0 || !c.expect(' ')) {
                return null;
            }
        } else {
            if (!c.expect(' ')) {
                return null;
            }
            c.skipSpaces();
            month = c.month();
            if (month < 0 || !c.expect(' ')) {
                return null;
            }
            c.skipSpaces();
            day = c.number(1, 2);
            if (day < 0 || !c.expect(' ')) {
                return null;
            }
            c.skipSpaces();
        }
        int hour = c.number(2, 2);
        if (hour < 0 || !c.expect(':')) {
            return null;
        }
        int minute = c.number(2, 2);
        if (minute < 0) {
            return null;
        }
        int second = 0;
        if (c.peek() == ':') {
            c.pos++;
            second = c.number(2, 2);
            if (second < 0) {
                return null;
            }
        }
        ZoneOffset offset = null;
        if (!alt) {
            c.skipSpaces();
            offset = c.offset();
            if (offset == null && c.isAlpha(1)) { // a named zone before the year: ignored, as Dovecot
                while (c.pos < c.end && c.b[c.pos] != ' ') {
                    c.pos++;
                }
            }
            c.skipSpaces();
            year = c.number(4, 4);
            if (year < 0) {
                return null;
            }
        }
        if (offset == null) {
            c.skipSpaces();
            offset = c.offset();
        }
        LocalDateTime local = LocalDateTime.of(year, month, day == 0 ? 1 : day, hour, minute, second);
        return offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant();
    }

    /** A read position over the line's bytes. */
    private static final class Cursor {
        final byte[] b;
        int pos;
        final int end;

        Cursor(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int remaining() {
            return end - pos;
        }

        int peek() {
            return pos < end ? b[pos] : -1;
        }

        boolean expect(char ch) {
            if (peek() != ch) {
                return false;
            }
            pos++;
            return true;
        }

        void skipSpaces() {
            while (pos < end && b[pos] == ' ') {
                pos++;
            }
        }

        boolean isAlpha(int n) {
            if (remaining() < n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                int ch = b[pos + i] | 0x20;
                if (ch < 'a' || ch > 'z') {
                    return false;
                }
            }
            return true;
        }

        /** Between min and max digits, or -1. */
        int number(int min, int max) {
            int v = 0;
            int n = 0;
            while (n < max && pos < end && b[pos] >= '0' && b[pos] <= '9') {
                v = v * 10 + (b[pos++] - '0');
                n++;
            }
            return n >= min ? v : -1;
        }

        /** A month name (1-12), or -1. */
        int month() {
            if (!isAlpha(3)) {
                return -1;
            }
            String m = new String(b, pos, 3, StandardCharsets.US_ASCII);
            for (int i = 0; i < 12; i++) {
                if (MONTHS[i].equalsIgnoreCase(m)) {
                    pos += 3;
                    return i + 1;
                }
            }
            return -1;
        }

        /** A numeric zone "+0200", or null (position unchanged). */
        ZoneOffset offset() {
            if (remaining() < 5 || (b[pos] != '+' && b[pos] != '-')) {
                return null;
            }
            for (int i = 1; i <= 4; i++) {
                if (b[pos + i] < '0' || b[pos + i] > '9') {
                    return null;
                }
            }
            int h = (b[pos + 1] - '0') * 10 + (b[pos + 2] - '0');
            int m = (b[pos + 3] - '0') * 10 + (b[pos + 4] - '0');
            if (h > 18 || m > 59) {
                return null;
            }
            int sign = b[pos] == '-' ? -1 : 1;
            pos += 5;
            return ZoneOffset.ofTotalSeconds(sign * (h * 3600 + m * 60));
        }
    }
}
