package io.tegami.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue manager's mail log lines, in Postfix's shape so that log tools (pflogsumm and the
 * like) read them: one line per event, {@code <ID>: key=value, ...}.
 */
final class DeliveryLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.queue.qmgr");

    private DeliveryLog() {
    }

    static void active(String id, MailAddress sender, long size, int nrcpt) {
        LOG.info("{}: from=<{}>, size={}, nrcpt={} (queue active)", id, sender, size, nrcpt);
    }

    /**
     * {@code to=<...>, relay=..., delay=..., delays=a/b/c/d, dsn=..., status=... (...)}: a is the time
     * before this pass, b the time in the queue manager before the attempt, c connection set-up (not
     * seen from here, so 0) and d the attempt itself.
     */
    static void delivery(String id, MailAddress rcpt, DeliveryResult r, Instant arrival, Instant activated,
            Instant started, Instant finished) {
        String delays = seconds(Duration.between(arrival, activated)) + "/" + seconds(Duration.between(activated, started))
                + "/0/" + seconds(Duration.between(started, finished));
        LOG.info("{}: to=<{}>, relay={}, delay={}, delays={}, dsn={}, status={} ({})", id, rcpt, r.relay(),
                seconds(Duration.between(arrival, finished)), delays, r.dsn(),
                r.status().name().toLowerCase(Locale.ROOT), r.detail());
    }

    static void expired(String id, MailAddress sender) {
        LOG.info("{}: from=<{}>, status=expired, returned to sender", id, sender);
    }

    static void removed(String id) {
        LOG.info("{}: removed", id);
    }

    /**
     * Seconds as Postfix prints them: at most two decimals, fewer for long delays, "0" below 10 ms.
     * Integer arithmetic on the nanoseconds, rounding half up: String.format's double formatting
     * cost more CPU than the rest of a delivery's bookkeeping.
     */
    static String seconds(Duration d) {
        long nanos = Math.max(0, d.toNanos());
        if (nanos >= 100_000_000_000L) {
            return decimal((nanos + 500_000_000L) / 1_000_000_000L, 0);
        } else if (nanos >= 10_000_000_000L) {
            return decimal((nanos + 50_000_000L) / 100_000_000L, 1);
        } else if (nanos >= 10_000_000L) {
            return decimal((nanos + 5_000_000L) / 10_000_000L, 2);
        }
        return "0";
    }

    /** {@code units / 10^scale} with trailing zeros (and a bare point) dropped. */
    private static String decimal(long units, int scale) {
        long pow = scale == 0 ? 1 : scale == 1 ? 10 : 100;
        long whole = units / pow;
        long fraction = units % pow;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String digits = Long.toString(pow + fraction).substring(1); // zero-padded to scale digits
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }
}
