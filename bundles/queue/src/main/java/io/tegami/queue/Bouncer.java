package io.tegami.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a message's bounce log into one non-delivery notification, queued with the null sender
 * through the same queue, as Postfix's bounce daemon does at the end of a delivery pass.
 */
final class Bouncer {

    private static final Logger LOG = LoggerFactory.getLogger(Bouncer.class);

    private final MailQueue queue;
    private final Supplier<String> hostname;
    private final Clock clock;

    Bouncer(MailQueue queue, Supplier<String> hostname, Clock clock) {
        this.queue = queue;
        this.hostname = hostname;
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
        if (failures.isEmpty()) {
            return deleteLog(message, bounceLog);
        }
        MailAddress sender = message.envelope().sender();
        if (sender.isNullSender()) {
            // Nobody to tell: a bounce of a bounce would loop. Postfix would tell the postmaster.
            LOG.info("{}: undeliverable notification discarded (double bounce, {} recipient(s))",
                    message.queueId(), failures.size());
            return deleteLog(message, bounceLog);
        }
        Envelope envelope = new Envelope(MailAddress.NULL_SENDER, List.of(sender), Map.of(Envelope.PROTOCOL, "local"));
        try (MessageWriter w = queue.create(envelope)) {
            DsnComposer.Report report = new DsnComposer.Report(w.queueId(), message.queueId(), sender,
                    message.arrivalTime(), failures, message::openContent);
            new DsnComposer(hostname.get(), clock.getZone()).write(report, clock.instant(), w.content());
            String bounceId = w.commit();
            LOG.info("{}: sender non-delivery notification: {}", message.queueId(), bounceId);
        } catch (QueueException | IOException | RuntimeException e) {
            LOG.warn("{}: cannot queue non-delivery notification: {}", message.queueId(), e.toString());
            return false;
        }
        return deleteLog(message, bounceLog);
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
