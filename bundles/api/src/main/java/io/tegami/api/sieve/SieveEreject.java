package io.tegami.api.sieve;

import java.util.Optional;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Refusal during the SMTP transaction for {@code ereject} (RFC 5429 section 2.1): Sieve runs at
 * local delivery, after the queue, so a receiving SMTP server that wants to refuse what a
 * recipient's scripts would {@code ereject} asks this service before it queues the message.
 *
 * <p>The service is registered by the local delivery agent's bundle while a {@link SieveEngine}
 * is available, and answers as delivery would: the same scripts ({@code sieve_before}, the active
 * personal script, {@code sieve_after}), the same alias expansion and user lookup, the same
 * limits ({@code sieve_max_cpu_time} and the others). The run has no side effects: nothing is
 * stored, redirected or replied, and no duplicate-tracking entry is written. When in doubt (the
 * scripts fail, time out, or depend on something the pre-queue run cannot know) it answers that
 * the scripts do not {@code ereject}, so that delivery decides, and refuses with a
 * {@code reject} message if it must.
 *
 * <p>Consumers bind it optionally and dynamically: without it, mail is simply queued.
 */
@ProviderType
public interface SieveEreject {

    /**
     * Whether local delivery would run Sieve scripts for this recipient: a recipient in a local
     * domain whose aliases lead to exactly one local mailbox, of a user who has scripts. Cheap
     * enough to ask for every recipient when a message starts.
     *
     * @param sender the envelope sender (the null sender allowed)
     * @param recipient the envelope recipient as the client gave it
     */
    boolean filters(MailAddress sender, MailAddress recipient);

    /**
     * Runs the recipient's scripts on the message without side effects, looking for
     * {@code ereject}.
     *
     * @param message the message not yet queued (its queue id names it in log lines; its
     *        envelope gives the sender)
     * @param recipient one recipient of {@code message}
     * @return the reason given to {@code ereject} when the scripts would refuse the message for
     *         this recipient; empty when they would not, or cannot tell
     */
    Optional<String> ereject(QueuedMessage message, MailAddress recipient);
}
