package io.tegami.shell.queue;

import java.io.PrintStream;
import java.util.List;

import io.tegami.api.queue.QueueEntry;

/**
 * {@code postqueue -j}: one JSON object per message and line, with the fields and the order of
 * Postfix 3.1's showq_json, for tools such as postqf:
 *
 * <pre>{"queue_name": "deferred", "queue_id": "0005F3A1B2C4", "arrival_time": 1606504200,
 * "message_size": 512, "forced_expire": false, "sender": "alice@example.org", "recipients":
 * [{"address": "bob@example.org", "delay_reason": "mail transport unavailable"}]}</pre>
 * (on one line). {@code delay_reason} is left out for a recipient without one.
 */
final class MailqJson {

    void write(List<QueueEntry> entries, PrintStream out) {
        for (QueueEntry e : entries) {
            StringBuilder sb = new StringBuilder(256).append('{');
            sb.append("\"queue_name\": \"").append(quote(e.queueName())).append("\", ");
            sb.append("\"queue_id\": \"").append(quote(e.queueId())).append("\", ");
            sb.append("\"arrival_time\": ").append(e.arrivalTime().getEpochSecond()).append(", ");
            sb.append("\"message_size\": ").append(e.size()).append(", ");
            sb.append("\"forced_expire\": false, ");
            sb.append("\"sender\": \"").append(quote(QueueText.address(e.envelope().sender()))).append("\", ");
            sb.append("\"recipients\": [");
            List<QueueEntry.Recipient> recipients = QueueText.showqOrder(e);
            for (int i = 0; i < recipients.size(); i++) {
                QueueEntry.Recipient r = recipients.get(i);
                sb.append(i > 0 ? ", " : "").append("{\"address\": \"").append(quote(QueueText.address(r.address())))
                        .append('"');
                if (QueueText.reason(r) != null) {
                    sb.append(", \"delay_reason\": \"").append(quote(r.reason())).append('"');
                }
                sb.append('}');
            }
            sb.append("]}\n");
            out.print(sb);
        }
    }

    /** Postfix's json_quote(): short escapes for common controls, {@code \\u00XX} for the rest. */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\', '"' -> sb.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
