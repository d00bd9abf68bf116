package io.tegami.api.delivery;

import java.util.ArrayList;
import java.util.List;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers a queued message to its recipients.
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

    /**
     * Delivers {@code message} to several recipients of one destination at once, as Postfix's
     * queue manager hands a delivery agent up to {@code <transport>_destination_recipient_limit}
     * recipients per request: an SMTP client sends them in one mail transaction instead of one
     * copy each. The default delivers to each recipient in turn with
     * {@link #deliver(QueuedMessage, MailAddress)}.
     *
     * @param recipients at least one, all routed to this transport and one destination
     * @return one result per recipient, in the order of {@code recipients}; never {@code null}
     * @since 1.1
     */
    default List<DeliveryResult> deliverAll(QueuedMessage message, List<MailAddress> recipients) {
        List<DeliveryResult> results = new ArrayList<>(recipients.size());
        for (MailAddress recipient : recipients) {
            results.add(deliver(message, recipient));
        }
        return results;
    }
}
