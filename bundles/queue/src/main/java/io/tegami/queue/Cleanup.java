package io.tegami.queue;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import io.tegami.api.service.RankedServices;

/**
 * Postfix's cleanup(8) in front of the queue: every message a receiver creates has its envelope
 * rewritten (canonical maps, then {@code virtual_alias_maps}: {@link EnvelopeCleanup}) before the
 * queue file is written, and its header cleaned up ({@link HeaderRewriter}) as the content streams
 * in. Without {@code AddressRewriter} services the addresses stay as they are, and headers are
 * still dropped and added as Postfix does.
 */
final class Cleanup {

    private final RankedServices<AddressRewriter> rewriters;
    private final RewriteClients clients = new RewriteClients();
    private final VirtualAliasing virtual = new VirtualAliasing();
    private final Clock clock;

    Cleanup(RankedServices<AddressRewriter> rewriters, Clock clock) {
        this.rewriters = rewriters;
        this.clock = clock;
    }

    /**
     * Creates the message in {@code queue} with the cleaned-up envelope.
     *
     * @throws QueueException when the queue cannot take it, or a rewriting lookup failed (temporary)
     */
    MessageWriter create(MailQueue queue, Envelope envelope, MailParameters parameters) throws QueueException {
        Rewriting rewriting = new Rewriting(rewriters.snapshot());
        ZonedDateTime arrival = ZonedDateTime.now(clock);
        Envelope queued;
        Optional<RewriteContext> context;
        try {
            queued = EnvelopeCleanup.rewrite(envelope, rewriting, virtual, parameters);
            context = clients.headerContext(envelope, parameters);
        } catch (RewriteException e) {
            throw new QueueException("address rewriting failed: " + e.getMessage(), e);
        }
        MessageWriter writer = queue.create(queued);
        HeaderRewriter fields = new HeaderRewriter(writer.queueId(), envelope, queued, context, rewriting, parameters, arrival);
        int limit = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1, parameters.getLong("header_size_limit", 102400)));
        return new CleanupWriter(writer, new HeaderCleanup(writer.content(), fields, limit));
    }
}
