package io.tegami.webconsole;

import static io.tegami.webconsole.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueueEntry;

/**
 * The mail queue page's HTML: what {@code mailq} shows (queue id, size, arrival time, sender,
 * recipients with their deferral reasons, and which queue the message is in) as a table with a
 * check box per message, and the forms of {@link QueueActions}. Every value is escaped.
 */
final class QueuePage {

    private static final DateTimeFormatter ARRIVAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    QueuePage(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The page content.
     *
     * @param entries the queue, oldest first
     * @param postUrl where the forms post (the page's own address)
     * @param token the CSRF token for the forms
     * @param notice what the last action did, if anything
     * @param unavailable true when no queue service is running
     */
    String render(List<QueueEntry> entries, String postUrl, String token, Optional<String> notice, boolean unavailable) {
        StringBuilder out = new StringBuilder(512 + entries.size() * 256);
        notice.ifPresent(n -> out.append("<p class=\"statline ui-state-highlight\" id=\"tegami-notice\">")
                .append(escape(n)).append("</p>\n"));
        if (unavailable) {
            out.append("<p class=\"statline ui-state-error\">The mail queue is not running (is the queue bundle started?)</p>\n");
            return out.toString();
        }
        out.append("<form method=\"post\" action=\"").append(escape(postUrl)).append("\" id=\"tegami-queue-form\">\n")
                .append("<input type=\"hidden\" name=\"").append(CsrfGuard.FIELD).append("\" value=\"")
                .append(escape(token)).append("\">\n")
                .append("<p class=\"statline\">").append(summary(entries)).append("</p>\n")
                .append("<div class=\"ui-widget-header ui-corner-top buttonGroup\">")
                .append(button("flush", "Flush queue"))
                .append(button("flush-selected", "Deliver selected"))
                .append(button("hold", "Hold selected"))
                .append(button("release", "Release selected"))
                .append(button("delete", "Delete selected"))
                .append("</div>\n");
        out.append("<table class=\"nicetable\" id=\"tegami-queue\">\n<thead><tr><th></th><th>Queue ID</th><th>Size</th>"
                + "<th>Arrival time</th><th>Sender</th><th>Recipients</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (QueueEntry e : entries) {
            row(out, e);
        }
        out.append("</tbody>\n</table>\n</form>\n");
        return out.toString();
    }

    private void row(StringBuilder out, QueueEntry e) {
        String id = escape(e.queueId());
        out.append("<tr data-queue-id=\"").append(id).append("\"><td><input type=\"checkbox\" name=\"id\" value=\"")
                .append(id).append("\" aria-label=\"select ").append(id).append("\"></td>")
                .append("<td class=\"queue-id\">").append(id).append("</td>")
                .append("<td>").append(e.size()).append("</td>")
                .append("<td>").append(escape(ARRIVAL.format(e.arrivalTime().atZone(zone)))).append("</td>")
                .append("<td>").append(escape(sender(e.envelope().sender()))).append("</td><td>");
        boolean first = true;
        for (QueueEntry.Recipient r : e.recipients()) {
            out.append(first ? "" : "<br>").append(escape(r.address()));
            if (r.reason() != null) {
                out.append(" <small>(").append(escape(r.reason())).append(")</small>");
            }
            first = false;
        }
        out.append("</td><td class=\"queue-status\">").append(escape(status(e))).append("</td></tr>\n");
    }

    /** The queue as an admin names it; a deferred message with a reason but no per-recipient one shows it too. */
    static String status(QueueEntry e) {
        String name = switch (e.queueName()) {
            case QueueEntry.HOLD -> "on hold";
            case QueueEntry.ACTIVE -> "active";
            case QueueEntry.DEFERRED -> "deferred";
            case QueueEntry.INCOMING -> "incoming";
            default -> e.queueName();
        };
        boolean perRecipient = e.recipients().stream().anyMatch(r -> r.reason() != null);
        return e.lastReason() != null && !perRecipient ? name + ": " + e.lastReason() : name;
    }

    /** The null sender as mailq shows it. */
    private static String sender(MailAddress sender) {
        return sender == null || sender.isNullSender() ? "MAILER-DAEMON" : sender.toString();
    }

    private static String summary(List<QueueEntry> entries) {
        if (entries.isEmpty()) {
            return "Mail queue is empty";
        }
        long bytes = entries.stream().mapToLong(QueueEntry::size).sum();
        return "-- " + (bytes + 1023) / 1024 + " Kbytes in " + entries.size()
                + (entries.size() == 1 ? " Request." : " Requests.");
    }

    private static String button(String action, String label) {
        return "<button type=\"submit\" name=\"action\" value=\"" + action + "\">" + label + "</button> ";
    }
}
