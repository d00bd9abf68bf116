package io.tegami.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.config.MailParameters;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.store.StoreSelection;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/**
 * Delivery to a local user's mailbox, the last step of local(8): the user must exist; then
 * {@code mailbox_command} (an external MDA such as procmail) gets the message when it is set,
 * else the user's store puts it in the INBOX.
 */
final class MailboxDelivery {

    /** The Sieve engine (null when unbound), its script cache and the queue for what scripts send. */
    record SieveContext(io.tegami.api.sieve.SieveEngine engine, ScriptCache cache, io.tegami.api.queue.MailQueue queue) {
    }

    private MailboxDelivery() {
    }

    static DeliveryResult deliver(MailParameters parameters, UserDirectory users, StoreSelection stores,
            QueuedMessage message, String name, MailAddress recipient, MailAddress sender, MailAddress original,
            Instant now) {
        return deliver(parameters, users, stores, null, message, name, recipient, sender, original, now);
    }

    /**
     * As above, with the user's Sieve scripts applied when {@code sieve} is given (the engine and
     * the queue for what the scripts send); without scripts, mail goes to INBOX, and so it does
     * without the engine (the {@code sieve} bundle stopped) unless {@code sieve_required = yes},
     * which defers the mail of users who have scripts until the engine is back.
     */
    static DeliveryResult deliver(MailParameters parameters, UserDirectory users, StoreSelection stores,
            SieveContext sieve, QueuedMessage message, String name, MailAddress recipient, MailAddress sender,
            MailAddress original, Instant now) {
        if (users == null) {
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "user directory unavailable");
        }
        Optional<User> user;
        try {
            user = users.lookup(name);
        } catch (DirectoryException e) {
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "user lookup failed: " + e.getMessage());
        }
        if (user.isEmpty()) {
            return DeliveryResult.bounced("5.1.1", LocalDeliveryAgent.RELAY, "unknown user: \"" + name + "\"");
        }
        // Raw, as local(8) reads it: $EXTENSION and the like are for the shell, not main.cf.
        String command = parameters.explicit().getOrDefault("mailbox_command", "").strip();
        if (!command.isEmpty()) {
            command = CommandDelivery.expand(command, CommandDelivery.environment(parameters, sender, recipient, original, user.get()));
            return CommandDelivery.run(parameters, message, command, sender, recipient, original, user.get(), now);
        }
        if (sieve != null && sieve.engine() == null && parameters.getBoolean("sieve_required", false)
                && !SieveFilter.scripts(parameters, user.get(), message.queueId()).isEmpty()) {
            // The scripts may file, refuse or forward this mail: without the engine, wait for it
            // rather than put everything in INBOX (sieve_required = yes).
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY,
                    "Sieve filtering unavailable (sieve_required = yes)");
        }
        String type = StoreSelection.typeFor(user.get(), parameters);
        MailStore target = stores.store(type);
        if (target == null) {
            // The store's bundle is stopped or not installed: keep the mail until it is back.
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "mail store unavailable (" + type + ")");
        }
        try (MailboxSession session = target.open(user.get())) {
            if (sieve != null && sieve.engine() != null) {
                DeliveryResult r = SieveDelivery.deliver(new SieveDelivery.Context(parameters, sieve.engine(),
                        sieve.cache(), sieve.queue(), user.get(), sender, recipient, original, now), session, message);
                if (r != null) {
                    return r;
                }
            }
            try (Mailbox inbox = session.open(MailboxSession.INBOX);
                    InputStream content = message.openContent();
                    InputStream withHeaders = DeliveryHeaders.prepend(sender, recipient, content)) {
                // deliver, not append: no UID is needed here, and without one a Maildir store
                // drops the file into new/ without the uidlist lock, as Postfix's local(8) does.
                inbox.deliver(withHeaders, Set.of(), now);
            }
        } catch (StoreException e) {
            return LocalDeliveryAgent.storeFailure(e, parameters.getBoolean("quota_full_tempfail", false));
        } catch (IOException e) {
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "cannot read message: " + e.getMessage());
        }
        return DeliveryResult.sent(LocalDeliveryAgent.RELAY, "delivered to " + type);
    }
}
