package io.tegami.queue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tegami.api.mail.MailDate;
import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;

/**
 * The headers Postfix's cleanup adds at the end of a header that lacks them
 * (cleanup_header_done_callback): {@code Message-Id: <YYYYMMDDhhmmss.QUEUEID@$myhostname>} (time
 * in UTC), {@code Date:} (arrival, local time), {@code From:} (the envelope sender, or
 * {@code MAILER-DAEMON} for the null sender), each as its {@code Resent-} variant when the message
 * has {@code Resent-} headers; and {@code undisclosed_recipients_header} (empty by default since
 * Postfix 2.8) when there is no {@code To:}, {@code Cc:}, {@code Resent-To:} or {@code Resent-Cc:}.
 */
final class MissingHeaders {

    private static final DateTimeFormatter ID_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    private MissingHeaders() {
    }

    /** The Message-Id value Postfix gives a message: {@code <20201127191000.0005F3A1B2C4@mail.example.org>}. */
    static String messageId(ZonedDateTime created, String queueId, String hostname) {
        return "<" + ID_STAMP.format(created.withZoneSameInstant(ZoneOffset.UTC)) + "." + queueId + "@" + hostname + ">";
    }

    /** Postfix's mail_date(): {@code Fri, 27 Nov 2020 20:10:00 +0100 (CET)}, day padded with a space. */
    static String mailDate(ZonedDateTime t) {
        return MailDate.format(t);
    }

    /**
     * The header lines to add, without line ends.
     *
     * @param seen the lower-case names of the headers the message has
     * @param resent whether it has a {@code Resent-} header
     */
    static List<String> lines(Set<String> seen, boolean resent, String queueId, ZonedDateTime arrival, MailAddress sender,
            MailParameters parameters) {
        String prefix = resent ? "Resent-" : "";
        String lower = prefix.toLowerCase(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        if (!seen.contains(lower + "message-id")) {
            lines.add(prefix + "Message-Id: " + messageId(arrival, queueId, parameters.get("myhostname", "localhost")));
        }
        if (!seen.contains(lower + "date")) {
            lines.add(prefix + "Date: " + mailDate(arrival));
        }
        if (!seen.contains(lower + "from")) {
            lines.add(prefix + "From: " + (sender.isNullSender() ? "MAILER-DAEMON" : sender.toString()));
        }
        String undisclosed = parameters.get("undisclosed_recipients_header", "").trim();
        if (!undisclosed.isEmpty() && !seen.contains("to") && !seen.contains("cc") && !seen.contains("resent-to")
                && !seen.contains("resent-cc")) {
            byte[] bytes = undisclosed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (HeaderKinds.nameLength(bytes, bytes.length) > 0) {
                lines.add(undisclosed);
            }
        }
        return lines;
    }
}
