package io.tegami.api.rewrite;

import java.util.Objects;

import io.tegami.api.mail.Envelope;

/**
 * The message an address belongs to, as {@link AddressRewriter}s see it.
 *
 * @param queueId the queue id, or {@link #NOQUEUE} while the envelope is rewritten (that happens
 *        before the queue file exists); for log lines
 * @param envelope the envelope as the receiver gave it, before any rewriting, with its attributes
 *        ({@link Envelope#CLIENT_ADDRESS}, {@link Envelope#SASL_USERNAME}...)
 * @param context the context to complete incomplete addresses in: always {@link RewriteContext#LOCAL}
 *        for envelope addresses
 */
public record MessageContext(String queueId, Envelope envelope, RewriteContext context) {

    /** The queue id placeholder of Postfix's log lines before a queue file exists. */
    public static final String NOQUEUE = "NOQUEUE";

    public MessageContext {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(context, "context");
    }
}
