package io.tegami.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tegami.api.config.MailParameters;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn.Notify;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues delivery status notifications through the same queue, as Postfix's bounce daemon does:
 * a non-delivery notice to the sender at the end of a delivery pass, a "delayed mail" warning,
 * a success notice ({@code NOTIFY=SUCCESS}), and the double bounce.
 *
 * <p>Who is told, Postfix's way:
 * <ul>
 *   <li>a message with a real sender: the sender, from the null sender {@code <>}, about the
 *       recipients whose {@code NOTIFY} asks for it (failures and delays when the client gave no
 *       {@code NOTIFY}; nothing for {@code NOTIFY=NEVER}); a notice about nobody is not sent;</li>
 *   <li>a notification (null sender) that cannot be delivered: nobody may answer {@code <>}, so the
 *       postmaster ({@code 2bounce_notice_recipient}) gets a copy, sent from
 *       {@code double_bounce_sender@$myorigin}; notifications get no delay or success notices;</li>
 *   <li>that postmaster copy failing too: discarded, with a log line, so nothing can loop.</li>
 * </ul>
 */
final class Bouncer {

    private static final Logger LOG = LoggerFactory.getLogger(Bouncer.class);

    private final MailQueue queue;
    private final MailParameters parameters;
    private final Clock clock;

    Bouncer(MailQueue queue, MailParameters parameters, Clock clock) {
        this.queue = queue;
        this.parameters = parameters;
        this.clock = clock;
    }

    /**
     * Sends the notification for the failures in {@code bounceLog} (if any), then deletes the log.
     *
     * @return false if the notification could not be queued; the log is kept and this is tried
     *         again on the message's next pass
     */
    boolean flush(SpoolMessage message, Path bounceLog) {
        List<BounceLog.Entry> failures;
        try {
            failures = BounceLog.read(bounceLog);
        } catch (IOException e) {
            LOG.warn("{}: cannot read bounce log: {}", message.queueId(), e.toString());
            return false;
        }
        MailAddress sender = message.envelope().sender();
        if (sender.equals(doubleBounceSender())) {
            if (!failures.isEmpty()) {
                // Postfix's "triple bounce": never sent, so that nothing can loop.
                LOG.warn("{}: undeliverable postmaster notification discarded", message.queueId());
            }
            return deleteLog(message, bounceLog);
        }
        String bounceId = null;
        if (sender.isNullSender()) {
            if (failures.isEmpty()) {
                return deleteLog(message, bounceLog);
            }
            MailAddress postmaster = qualify("2bounce_notice_recipient", "postmaster");
            bounceId = send(message, DsnComposer.Kind.POSTMASTER, doubleBounceSender(), postmaster, failures, null);
            if (bounceId != null) {
                LOG.info("{}: postmaster non-delivery notification: {}", message.queueId(), bounceId);
            }
        } else {
            List<BounceLog.Entry> reported = wanted(message, failures, Notify.FAILURE);
            if (reported.isEmpty()) {
                return deleteLog(message, bounceLog); // NOTIFY=NEVER (or nothing failed): nobody to tell
            }
            bounceId = send(message, DsnComposer.Kind.FAILURE, MailAddress.NULL_SENDER, sender, reported, null);
            if (bounceId != null) {
                LOG.info("{}: sender non-delivery notification: {}", message.queueId(), bounceId);
            }
        }
        return bounceId != null && deleteLog(message, bounceLog);
    }

    /**
     * Sends the sender a "delayed mail" warning for the recipients deferred in this pass that want
     * one ({@code NOTIFY=DELAY}, or no {@code NOTIFY}).
     *
     * @return true if the warning was queued (or there is nobody to warn); false to try next pass
     */
    boolean delayed(SpoolMessage message, List<BounceLog.Entry> deferred) {
        MailAddress sender = message.envelope().sender();
        if (sender.isNullSender() || sender.equals(doubleBounceSender())) {
            return true; // notifications are never warned about
        }
        List<BounceLog.Entry> reported = wanted(message, deferred, Notify.DELAY);
        if (reported.isEmpty()) {
            return true;
        }
        String id = send(message, DsnComposer.Kind.DELAY, MailAddress.NULL_SENDER, sender, reported, null);
        if (id != null) {
            LOG.info("{}: sender delay notification: {}", message.queueId(), id);
        }
        return id != null;
    }

    /**
     * Tells the sender that {@code recipient} was delivered, when it asked for that with
     * {@code NOTIFY=SUCCESS}: Action {@code delivered} for a final delivery, {@code relayed} when
     * the message went on to another server. The delivery pass calls this for every recipient its
     * agent reported as sent. Never for notifications (null sender), as in Postfix, and never when
     * the next hop took the DSN request over ({@link DeliveryResult#dsnPassedOn()}): it offered
     * DSN and got the recipient's {@code NOTIFY}, so the final notice is its to send (RFC 3461
     * section 4.1; Postfix's smtp client drops {@code NOTIFY=SUCCESS} then).
     *
     * @return false only when a notice was due and could not be queued (logged; not retried)
     */
    boolean delivered(SpoolMessage message, MailAddress recipient, DeliveryResult result, Instant when) {
        Envelope envelope = message.envelope();
        MailAddress sender = envelope.sender();
        if (sender.isNullSender() || sender.equals(doubleBounceSender())
                || !envelope.dsn(recipient).wants(Notify.SUCCESS) || result.dsnPassedOn()) {
            return true;
        }
        // An agent that names a remote server handed the message on (Postfix's smtp client says
        // "relayed"); local delivery agents are the final destination.
        String action = result.remoteMta() != null ? "relayed" : "delivered";
        List<BounceLog.Entry> entry = List.of(BounceLog.Entry.of(recipient, result, when));
        String id = send(message, DsnComposer.Kind.SUCCESS, MailAddress.NULL_SENDER, sender, entry, action);
        if (id != null) {
            LOG.info("{}: sender delivery status notification: {}", message.queueId(), id);
        }
        return id != null;
    }

    /** The entries whose recipient's {@code NOTIFY} asks for {@code event}. */
    private static List<BounceLog.Entry> wanted(SpoolMessage message, List<BounceLog.Entry> entries, Notify event) {
        return entries.stream().filter(e -> message.envelope().dsn(e.recipient()).wants(event)).toList();
    }

    private String send(SpoolMessage message, DsnComposer.Kind kind, MailAddress from, MailAddress to,
            List<BounceLog.Entry> entries, String action) {
        Envelope envelope = new Envelope(from, List.of(to), Map.of(Envelope.PROTOCOL, "local"));
        try (MessageWriter w = queue.create(envelope)) {
            DsnComposer.Report report = new DsnComposer.Report(kind, w.queueId(), message.queueId(),
                    message.envelope(), to, message.arrivalTime(), entries, message::openContent, message.size(),
                    action, parameters.getDuration("delay_warning_time", Duration.ZERO),
                    parameters.getDuration("maximal_queue_lifetime", Duration.ofDays(5)));
            new DsnComposer(hostname(), clock.getZone(), parameters.getLong("bounce_size_limit", 50_000))
                    .write(report, clock.instant(), w.content());
            return w.commit();
        } catch (QueueException | IOException | RuntimeException e) {
            LOG.warn("{}: cannot queue {} notification: {}", message.queueId(), switch (kind) {
                case DELAY -> "delay";
                case SUCCESS -> "success";
                default -> "non-delivery";
            }, e.toString());
            return null;
        }
    }

    private String hostname() {
        return parameters.get("myhostname", "localhost");
    }

    /** {@code double_bounce_sender@$myorigin}: the sender of postmaster copies. */
    MailAddress doubleBounceSender() {
        return qualify("double_bounce_sender", "double-bounce");
    }

    /**
     * An address parameter, with {@code @$myorigin} appended when it has no domain; Postfix's
     * default local part if the configured value is not an address.
     */
    private MailAddress qualify(String parameter, String fallback) {
        String origin = parameters.get("myorigin", hostname());
        String value = parameters.get(parameter, fallback).strip();
        try {
            return value.indexOf('@') > 0 ? MailAddress.parse(value) : MailAddress.of(value, origin);
        } catch (IllegalArgumentException e) {
            LOG.warn("{} = {} is not an address; using {}", parameter, value, fallback);
            return MailAddress.of(fallback, origin);
        }
    }

    private static boolean deleteLog(SpoolMessage message, Path bounceLog) {
        try {
            Files.deleteIfExists(bounceLog);
            // Durable, so that a crash cannot bring the log back and send the notification twice.
            Spool.syncDirectory(bounceLog.getParent());
            return true;
        } catch (IOException e) {
            // The notification is queued; a second one after a restart is the lesser evil.
            LOG.warn("{}: cannot remove bounce log: {}", message.queueId(), e.toString());
            return true;
        }
    }
}
