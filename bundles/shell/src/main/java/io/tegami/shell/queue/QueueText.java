package io.tegami.shell.queue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueueEntry;

/** Small pieces of Postfix's queue listings shared by {@code mailq}, {@code postqueue -j} and {@code postcat}. */
final class QueueText {

    /** C's {@code asctime()} without its newline: {@code Fri Nov  7 20:10:00 2020}. */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    /** Postfix's {@code empty_address_recipient}: how the null sender {@code <>} is shown. */
    static final String EMPTY_ADDRESS = "MAILER-DAEMON";

    private QueueText() {
    }

    static String asctime(Instant time, ZoneId zone) {
        return ASCTIME.format(time.atZone(zone));
    }

    /** An address as showq prints it: quoted local part where needed, {@code MAILER-DAEMON} for {@code <>}. */
    static String address(MailAddress a) {
        return printable(a.isNullSender() ? EMPTY_ADDRESS : a.toString());
    }

    /** Postfix's printable(): control characters become {@code ?}, so one record stays one line. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }

    /**
     * Pending recipients in showq's order: those with a deferral reason first (showq reads the
     * defer logfile before the queue file), then the rest, each group in envelope order.
     */
    static List<QueueEntry.Recipient> showqOrder(QueueEntry e) {
        List<QueueEntry.Recipient> ordered = new ArrayList<>(e.recipients().size());
        e.recipients().stream().filter(r -> reason(r) != null).forEach(ordered::add);
        e.recipients().stream().filter(r -> reason(r) == null).forEach(ordered::add);
        return ordered;
    }

    /** The recipient's reason, or null when it has none worth printing. */
    static String reason(QueueEntry.Recipient r) {
        return r.reason() == null || r.reason().isEmpty() ? null : r.reason();
    }
}
