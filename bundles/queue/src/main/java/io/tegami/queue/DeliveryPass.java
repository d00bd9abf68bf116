package io.tegami.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery pass over one message, like one trip of a message through Postfix's qmgr: take it
 * into {@code active/}, hand the pending recipients to their transports' agents, those of one
 * destination together ({@link RecipientBatches}), record each recipient's outcome durably, then
 * remove the message, or defer it with back-off, or bounce what has expired.
 *
 * <p>Ordering is what makes it crash-safe: a recipient is marked done only after its agent said
 * SENT (the agent made it durable) or after its failure is synced into the bounce log; the DSN is
 * queued before the bounce log goes; the queue file is deleted last.
 * The last recipient of a message that is then finished is not marked done: the removal of the
 * file, synced within milliseconds ({@link Removal}), records the same fact with one fsync less.
 */
final class DeliveryPass {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPass.class);
    static final String TRANSPORT_UNAVAILABLE = "mail transport unavailable";

    private record Deferral(MailAddress recipient, SpoolHeader.Recipient record, DeliveryResult result) {
    }

    private final QueueContext ctx;
    private final String id;
    private final boolean force;
    private final List<Deferral> deferred = new ArrayList<>();
    private boolean stopped;
    private boolean gone;
    /** The last recipient, SENT and not marked done, whose record is the removal of the file. */
    private SpoolHeader.Recipient unmarked;

    DeliveryPass(QueueContext ctx, String queueId, boolean force) {
        this.ctx = ctx;
        this.id = queueId;
        this.force = force;
    }

    void run() {
        Path file = activate();
        if (file == null) {
            return;
        }
        SpoolMessage message;
        try {
            SpoolHeader header = SpoolFormat.read(file);
            if (!header.queueId().equals(id)) {
                throw new CorruptQueueFileException("queue id " + header.queueId() + " in file " + id);
            }
            message = new SpoolMessage(file, header, Files.size(file));
        } catch (NoSuchFileException e) {
            return; // deleted meanwhile (postsuper -d)
        } catch (CorruptQueueFileException e) {
            quarantine(e);
            return;
        } catch (IOException e) {
            LOG.warn("{}: cannot read queue file: {}", id, e.toString()); // left in active/ for the next scan
            return;
        }
        Instant activated = ctx.clock().instant();
        DeliveryLog.active(id, message.envelope().sender(), message.size(), message.header().recipients().size());
        deliverPending(message, activated);
        finish(message);
    }

    /** The message's file in active/, moving it there from deferred/ when it is due; null to skip. */
    private Path activate() {
        Path active = ctx.spool().file(Spool.ACTIVE, id);
        if (Files.exists(active)) {
            return active;
        }
        if (!Files.exists(ctx.spool().file(Spool.DEFERRED, id))) {
            return null; // delivered, deleted or on hold
        }
        if (!force) {
            DeferState state = DeferState.read(ctx.deferLog(id)).orElse(DeferState.NONE);
            if (state.nextRetry().isAfter(ctx.clock().instant())) {
                return null; // a stale timer; the one for the new retry time will come
            }
        }
        try {
            ctx.spool().move(id, Spool.DEFERRED, Spool.ACTIVE);
            return active;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("{}: cannot move to active: {}", id, e.toString());
            return null;
        }
    }

    private void deliverPending(SpoolMessage message, Instant activated) {
        List<SpoolHeader.Recipient> pending = message.header().pending();
        int done = 0;
        for (RecipientBatches.Batch batch : RecipientBatches.of(pending, ctx.router(), ctx.parameters())) {
            if (ctx.manager().stopping() || ctx.manager().holdRequested(id)) {
                // The rest stays pending in active/: for the next start, or until the message is
                // released from the hold it goes to when this pass ends.
                stopped = true;
                return;
            }
            Instant started = ctx.clock().instant();
            List<DeliveryResult> results = AgentCall.deliver(ctx, id, message, batch);
            Instant finished = ctx.clock().instant();
            for (int k = 0; k < batch.recipients().size(); k++) {
                SpoolHeader.Recipient rcpt = batch.recipients().get(k);
                DeliveryResult result = results.get(k);
                done++;
                DeliveryLog.delivery(id, rcpt.address(), result, message.arrivalTime(), activated, started, finished);
                if (!record(message, rcpt, result, done == pending.size(), finished)) {
                    return;
                }
            }
        }
    }

    /**
     * Records one recipient's outcome durably.
     *
     * @param last true for the last pending recipient of the message
     * @return false when the queue file is gone and the pass must end
     */
    private boolean record(SpoolMessage message, SpoolHeader.Recipient rcpt, DeliveryResult result, boolean last,
            Instant finished) {
        try {
            switch (result.status()) {
                case SENT -> {
                    ctx.bouncer().delivered(message, rcpt.address(), result, finished);
                    if (last && deferred.isEmpty() && !Files.exists(ctx.bounceLog(id))) {
                        unmarked = rcpt; // the message is finished: its removal records this (see remove)
                    } else {
                        SpoolFormat.markDone(message.file(), rcpt);
                    }
                }
                case BOUNCED -> {
                    BounceLog.append(ctx.bounceLog(id), BounceLog.Entry.of(rcpt.address(), result, finished));
                    SpoolFormat.markDone(message.file(), rcpt);
                }
                case DEFERRED -> deferred.add(new Deferral(rcpt.address(), rcpt, result));
            }
        } catch (NoSuchFileException e) {
            gone = true; // deleted by an administrator while we delivered
            return false;
        } catch (IOException e) {
            // Could not record the outcome: the recipient stays pending, and may get a copy twice
            // rather than none.
            LOG.error("{}: cannot record status of <{}>: {}", id, rcpt.address(), e.toString());
            deferred.add(new Deferral(rcpt.address(), rcpt,
                    DeliveryResult.deferred("4.3.0", "none", "cannot update queue file")));
        }
        return true;
    }

    /**
     * Postfix's idea of a destination: the domain for most transports; for {@code local}, whose
     * deliveries go one recipient at a time, the recipient.
     */
    static String destination(String transport, MailAddress rcpt) {
        return transport + ":" + (transport.equals(Router.LOCAL) ? rcpt.toString() : rcpt.domain());
    }

    private void finish(SpoolMessage message) {
        if (!gone && !stopped && !deferred.isEmpty() && expired(message)) {
            expire(message);
        }
        if (gone) {
            // Deleted under our feet: what we wrote for it meanwhile has no message any more.
            deleteQuietly(ctx.bounceLog(id));
            deleteQuietly(ctx.deferLog(id));
            return;
        }
        if (stopped) {
            markUnmarked(message); // never set when stopped (a stop comes before a recipient); kept safe
            return;
        }
        Path bounceLog = ctx.bounceLog(id);
        boolean notified = !Files.exists(bounceLog) || ctx.bouncer().flush(message, bounceLog);
        if (deferred.isEmpty() && notified) {
            remove(message);
        } else {
            markUnmarked(message);
            defer(message, notified ? null : "cannot queue non-delivery notification");
        }
    }

    private boolean expired(SpoolMessage message) {
        boolean bounce = message.envelope().sender().isNullSender();
        Duration lifetime = bounce ? ctx.duration("bounce_queue_lifetime", Duration.ofDays(5))
                : ctx.duration("maximal_queue_lifetime", Duration.ofDays(5));
        return !ctx.clock().instant().isBefore(message.arrivalTime().plus(lifetime));
    }

    /** Too old: the recipients still deferred are bounced, with the reason they were deferred. */
    private void expire(SpoolMessage message) {
        Instant now = ctx.clock().instant();
        try {
            for (Deferral d : deferred) {
                BounceLog.append(ctx.bounceLog(id), new BounceLog.Entry(d.recipient(), "5.4.7", d.result().relay(),
                        "delivery attempts exceeded, message is too old (last error: " + d.result().detail() + ")", now));
                SpoolFormat.markDone(message.file(), d.record());
            }
        } catch (NoSuchFileException e) {
            gone = true;
            return;
        } catch (IOException e) {
            LOG.error("{}: cannot record expiry: {}", id, e.toString());
            return; // still deferred; expiry is tried again on the next pass
        }
        deferred.clear();
        DeliveryLog.expired(id, message.envelope().sender());
    }

    private void defer(SpoolMessage message, String bounceFailure) {
        Path deferLog = ctx.deferLog(id);
        DeferState previous = DeferState.read(deferLog).orElse(DeferState.NONE);
        int attempts = previous.attempts() + 1;
        Duration wait = Backoff.delay(attempts, ctx.duration("minimal_backoff_time", Duration.ofSeconds(300)),
                ctx.duration("maximal_backoff_time", Duration.ofSeconds(4000)));
        Instant next = ctx.clock().instant().plus(wait);
        String reason = deferred.isEmpty() ? bounceFailure : deferred.get(deferred.size() - 1).result().detail();
        Map<MailAddress, String> reasons = new LinkedHashMap<>();
        deferred.forEach(d -> reasons.put(d.recipient(), d.result().detail()));
        boolean warned = previous.warned() || warnIfDue(message);
        try {
            new DeferState(attempts, next, reason, reasons, warned).write(deferLog);
        } catch (IOException e) {
            LOG.warn("{}: cannot write defer log: {}", id, e.toString()); // a hint only; carry on
        }
        try {
            ctx.spool().move(id, Spool.ACTIVE, Spool.DEFERRED);
        } catch (NoSuchFileException e) {
            deleteQuietly(deferLog); // deleted meanwhile: drop its bookkeeping too
            deleteQuietly(ctx.bounceLog(id));
            return;
        } catch (IOException e) {
            LOG.warn("{}: cannot move to deferred: {}", id, e.toString()); // stays in active/; the scan retries
            return;
        }
        ctx.manager().submitAt(id, next);
    }

    /**
     * Sends the one "delayed mail" warning of a message once it has waited {@code delay_warning_time}
     * (0, Postfix's default, turns warnings off).
     *
     * @return true if the warning went out now
     */
    private boolean warnIfDue(SpoolMessage message) {
        Duration after = ctx.duration("delay_warning_time", Duration.ZERO);
        Instant now = ctx.clock().instant();
        if (after.isZero() || after.isNegative() || deferred.isEmpty()
                || now.isBefore(message.arrivalTime().plus(after))) {
            return false;
        }
        List<BounceLog.Entry> entries = deferred.stream().map(d -> new BounceLog.Entry(d.recipient(), d.result().dsn(),
                d.result().relay(), d.result().detail(), now)).toList();
        return ctx.bouncer().delayed(message, entries);
    }

    private void remove(SpoolMessage message) {
        if (!Removal.remove(ctx, id, message.file(), unmarked)) {
            markUnmarked(message); // still there: a later pass only removes it
        }
    }

    /** Marks the last recipient done after all, when the message is not removed. */
    private void markUnmarked(SpoolMessage message) {
        try {
            if (unmarked != null) {
                SpoolFormat.markDone(message.file(), unmarked);
            }
        } catch (NoSuchFileException e) {
            // deleted meanwhile: nothing left to deliver twice
        } catch (IOException e) {
            LOG.error("{}: cannot record status of <{}>: {}", id, unmarked.address(), e.toString());
        }
        unmarked = null;
    }

    private void quarantine(IOException why) {
        LOG.error("{}: {}; moving it to {}/", id, why.getMessage(), Spool.CORRUPT);
        try {
            ctx.spool().move(id, Spool.ACTIVE, Spool.CORRUPT);
        } catch (IOException e) {
            LOG.error("{}: cannot move to {}/: {}", id, Spool.CORRUPT, e.toString());
        }
    }

    private void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("{}: cannot remove {}: {}", id, file, e.toString());
        }
    }
}
