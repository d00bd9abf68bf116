package io.tegami.shell.queue;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.tegami.api.queue.QueueEntry;

/**
 * {@code mailq} / {@code postqueue -p} output, exactly as Postfix's showq_compat prints it for
 * short queue ids, so that scripts written for Postfix ({@code mailq | awk ...}) work unchanged:
 *
 * <pre>
 * -Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------
 * 0005F3A1B2C4*    512 Fri Nov 27 20:10:00  alice@example.org
 *                                          bob@example.org
 *
 * 0005F3A1B2C5!    300 Fri Nov 27 20:11:00  alice@example.org
 *                                               (mail transport unavailable)
 *                                          carol@example.org
 *
 * -- 0 Kbytes in 2 Requests.
 * </pre>
 *
 * The id carries {@code *} for the active queue and {@code !} for hold; the time is the first 20
 * characters of {@code asctime()} (so two spaces before the sender); a deferral reason is printed
 * right-aligned to column 76 above the first recipient that has it, and repeated only when it
 * changes; {@code (reason unavailable)} when a recipient without one follows one with one.
 */
final class MailqFormat {

    private static final String STRING_FORMAT = "%-11s %7s %-20s %s%n";
    private static final String SENDER_FORMAT = "%-11s %7d %20.20s %s%n";

    private final ZoneId zone;

    MailqFormat(ZoneId zone) {
        this.zone = zone;
    }

    void write(List<QueueEntry> entries, PrintStream out) {
        if (entries.isEmpty()) {
            out.print("Mail queue is empty\n");
            return;
        }
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (i == 0) {
                out.print(format(STRING_FORMAT, "-Queue ID-", "--Size--", "----Arrival Time----",
                        "-Sender/Recipient-------"));
            } else {
                out.print("\n");
            }
            bytes += message(entries.get(i), out);
        }
        int n = entries.size();
        out.print("\n-- " + (bytes / 1024) + " Kbytes in " + n + " Request" + (n == 1 ? "" : "s") + ".\n");
    }

    private long message(QueueEntry e, PrintStream out) {
        String idStatus = e.queueId() + switch (e.queueName()) {
            case QueueEntry.ACTIVE -> "*";
            case QueueEntry.HOLD -> "!";
            default -> "";
        };
        out.print(format(SENDER_FORMAT, idStatus, e.size(), QueueText.asctime(e.arrivalTime(), zone),
                QueueText.address(e.envelope().sender())));
        String saved = "";
        for (QueueEntry.Recipient r : QueueText.showqOrder(e)) {
            String why = QueueText.reason(r) == null ? "" : QueueText.printable(r.reason());
            if (!why.equals(saved)) {
                saved = why;
                String shown = why.isEmpty() ? "reason unavailable" : why;
                out.print(" ".repeat(Math.max(0, 76 - shown.length())) + "(" + shown + ")\n");
            }
            out.print(format(STRING_FORMAT, "", "", "", QueueText.address(r.address())));
        }
        return e.size();
    }

    /** printf with '\n' line ends whatever the platform, as Postfix writes them. */
    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern.replace("%n", "\n"), args);
    }
}
