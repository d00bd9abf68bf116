package io.tegami.api.delivery;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers a queued message to one recipient.
 *
 * <p>Called from queue manager threads, which may block; several calls may run at once. The agent
 * must not return {@link DeliveryResult.Status#SENT} before the message is durable at its
 * destination: the queue forgets the recipient afterwards. Any failure it cannot classify is a
 * temporary one ({@link DeliveryResult#deferred}), so that mail is retried, never lost.
 */
@ConsumerType
public interface DeliveryAgent {

    /** Service property: the transport name, like Postfix's master.cf service ({@code local}, {@code smtp}). */
    String TRANSPORT = "transport";

    /**
     * Delivers {@code message} to {@code recipient}.
     *
     * @return what happened; never {@code null}
     */
    DeliveryResult deliver(QueuedMessage message, MailAddress recipient);
}
