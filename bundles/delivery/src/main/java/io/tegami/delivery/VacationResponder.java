package io.tegami.delivery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.sieve.SieveAction;

/**
 * Sends a vacation reply following RFC 3834 and RFC 5230 as Pigeonhole does: no reply to the null
 * sender, to system addresses ({@code MAILER-DAEMON}, {@code owner-*}, {@code *-request}...), to
 * mailing lists ({@code List-*} fields), to {@code Precedence: bulk/list/junk}, to
 * {@code Auto-Submitted} other than {@code no}, when none of the user's addresses is in the
 * To/Cc/Bcc/Resent fields, or to a sender already answered within the period. The reply goes from
 * the null sender through the queue, with {@code Auto-Submitted: auto-replied (vacation)}.
 */
final class VacationResponder {

    private static final List<String> LIST_FIELDS = List.of("List-Id", "List-Owner", "List-Subscribe",
            "List-Post", "List-Unsubscribe", "List-Help", "List-Archive");
    private static final List<String> MY_FIELDS = List.of("To", "Cc", "Bcc", "Resent-To", "Resent-Cc",
            "Resent-Bcc");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+");

    private VacationResponder() {
    }

    /**
     * Replies or explains why not.
     *
     * @return the log text ({@code sent vacation response to <x>} or why it was discarded)
     */
    static String respond(MailParameters parameters, MailQueue queue, DuplicateMemory memory, HeaderSection header,
            SieveAction.Vacation v, MailAddress sender, MailAddress recipient, MailAddress original, Instant now)
            throws IOException {
        String why = refusal(header, v, sender, recipient, original);
        if (why != null) {
            return why;
        }
        String key = "vacation\0" + v.handle() + "\0" + sender.toString().toLowerCase(Locale.ROOT);
        if (memory.seen(key, now)) {
            return "discarded duplicate vacation response to <" + sender + ">";
        }
        String host = parameters.get("myhostname", "localhost");
        String subject = v.subject() != null ? Outbound.encoded(v.subject())
                : header.has("Subject") ? "Auto: " + header.first("Subject") : "Automated reply";
        String from = v.from() != null ? v.from() : "<" + recipient + ">";
        StringBuilder m = new StringBuilder();
        m.append("X-Sieve: Tegami Sieve\n");
        m.append("Message-ID: ").append(Outbound.messageId(host)).append('\n');
        m.append("Date: ").append(Outbound.date(now)).append('\n');
        m.append("From: ").append(Outbound.oneLine(from)).append('\n');
        m.append("To: <").append(sender).append(">\n");
        m.append("Subject: ").append(Outbound.oneLine(subject)).append('\n');
        String msgid = Outbound.oneLine(header.first("Message-ID")).strip();
        if (!msgid.isEmpty()) {
            m.append("In-Reply-To: ").append(msgid).append('\n');
            String refs = Outbound.oneLine(header.first("References")).strip();
            m.append("References: ").append(refs.isEmpty() ? msgid : refs + " " + msgid).append('\n');
        }
        m.append("Auto-Submitted: auto-replied (vacation)\n");
        m.append("Precedence: bulk\n");
        m.append("MIME-Version: 1.0\n");
        if (v.mime()) {
            m.append(v.reason().replace("\r\n", "\n")).append('\n');
        } else {
            m.append("Content-Type: text/plain; charset=utf-8\n");
            m.append("Content-Transfer-Encoding: 8bit\n\n");
            m.append(v.reason().replace("\r\n", "\n")).append('\n');
        }
        String id = Outbound.send(queue, MailAddress.NULL_SENDER, sender, m.toString(), null);
        memory.mark(key, period(parameters, v.seconds()), true, now);
        return "sent vacation response to <" + sender + "> as " + id;
    }

    /** The period clamped to {@code sieve_vacation_min_period} and {@code sieve_vacation_max_period}. */
    static long period(MailParameters parameters, long seconds) {
        long min = parameters.getDuration("sieve_vacation_min_period", Duration.ofDays(1)).toSeconds();
        long max = parameters.getDuration("sieve_vacation_max_period", Duration.ZERO).toSeconds();
        long s = Math.max(seconds, min);
        return max > 0 ? Math.min(s, max) : s;
    }

    /** Why RFC 3834 says not to reply, or null when a reply may go. */
    static String refusal(HeaderSection header, SieveAction.Vacation v, MailAddress sender, MailAddress recipient,
            MailAddress original) {
        if (sender.isNullSender()) {
            return "discarded vacation reply to <>";
        }
        String local = sender.localPart().toLowerCase(Locale.ROOT);
        if (local.equals("mailer-daemon") || local.equals("listserv") || local.equals("majordomo")
                || local.endsWith("-request") || local.startsWith("owner-")) {
            return "discarding vacation response to system address <" + sender + ">";
        }
        for (String f : LIST_FIELDS) {
            if (header.has(f)) {
                return "discarding vacation response to mailinglist recipient <" + sender + ">";
            }
        }
        for (String a : header.values("Auto-Submitted")) {
            if (!a.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
                return "discarding vacation response to auto-submitted message from <" + sender + ">";
            }
        }
        for (String p : header.values("Precedence")) {
            String q = p.strip().toLowerCase(Locale.ROOT);
            if (q.equals("bulk") || q.equals("list") || q.equals("junk")) {
                return "discarding vacation response to precedence=" + q + " message from <" + sender + ">";
            }
        }
        List<String> mine = new ArrayList<>(List.of(recipient.toString(), original.toString()));
        v.addresses().forEach(mine::add);
        if (v.from() != null) {
            Matcher fm = ADDRESS.matcher(v.from());
            while (fm.find()) {
                mine.add(fm.group());
            }
        }
        if (mine.stream().anyMatch(a -> a.equalsIgnoreCase(sender.toString()))) {
            return "discarding vacation response for message implicitly delivered to <" + sender + ">";
        }
        for (String f : MY_FIELDS) {
            for (String value : header.values(f)) {
                Matcher m = ADDRESS.matcher(value);
                while (m.find()) {
                    String found = m.group();
                    if (mine.stream().anyMatch(found::equalsIgnoreCase)) {
                        return null;
                    }
                }
            }
        }
        return "discarding vacation response for implicitly delivered message; "
                + "no known (envelope) recipient address found in message headers";
    }
}
