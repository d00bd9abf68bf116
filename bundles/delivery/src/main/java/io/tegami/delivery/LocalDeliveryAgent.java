package io.tegami.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.tegami.api.config.MailParameters;
import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.StoreSelection;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.QuotaException;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code local} transport: delivers to a local user's INBOX, like Postfix's local(8) with a
 * Maildir {@code home_mailbox}.
 *
 * <p>Every {@link MailStore} service is bound (a dynamic, multiple reference); the one used for
 * a user is the one whose {@value MailStore#TYPE} property is the prefix of the user's
 * {@code mail_location} (or of the userdb {@code mail} field, which overrides it, as in
 * Dovecot): see {@link StoreSelection}. The user directory and the stores may be absent or swapped
 * at any time; without them, mail is deferred ({@code 4.3.0}) and stays in the queue. Only an
 * unknown user is a permanent failure.
 */
@Component(service = DeliveryAgent.class, property = DeliveryAgent.TRANSPORT + "=local",
        configurationPid = LocalDeliveryAgent.PID)
@Designate(ocd = LocalDeliveryAgent.Config.class)
public final class LocalDeliveryAgent implements DeliveryAgent {

    /** The configuration PID ({@code configs/tegami.delivery.local.cfg}). */
    public static final String PID = "tegami.delivery.local";

    static final String RELAY = "local";

    /** Configuration: which stores delivery may use at all. */
    @ObjectClassDefinition(id = PID, name = "Tegami local delivery",
            description = "The local delivery agent (transport=local).")
    @interface Config {
        @AttributeDefinition(name = "Mail stores", description = "Filter on the MailStore services delivery may use. "
                + "The store of each user is picked among them by the prefix of mail_location (or the userdb mail "
                + "field): maildir: means (type=maildir), mbox: means (type=mbox).")
        String store_target() default "(type=*)";
    }

    private static final Logger LOG = LoggerFactory.getLogger(LocalDeliveryAgent.class);

    /** The bound store and its type, replaced as one so both always match. */

    private final MailParameters parameters;
    private final Clock clock;
    private final AtomicReference<UserDirectory> directory = new AtomicReference<>();
    private final StoreSelection stores = new StoreSelection();

    @Activate
    public LocalDeliveryAgent(@Reference(name = "parameters") MailParameters parameters) {
        this(parameters, Clock.systemUTC());
    }

    LocalDeliveryAgent(MailParameters parameters, Clock clock) {
        this.parameters = parameters;
        this.clock = clock;
    }

    @Reference(name = "directory", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDirectory(UserDirectory d) {
        directory.set(d);
    }

    void unbindDirectory(UserDirectory d) {
        directory.compareAndSet(d, null); // a greedy replacement binds the new one first
    }

    @Reference(name = "store", target = "(type=*)", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(MailStore s, Map<String, Object> properties) {
        stores.add(s, properties);
    }

    void unbindStore(MailStore s) {
        stores.remove(s);
    }

    @Override
    public DeliveryResult deliver(QueuedMessage message, MailAddress recipient) {
        try {
            return deliverOrExplain(message, recipient);
        } catch (RuntimeException | LinkageError e) {
            // Whatever it was, the queue keeps the mail and tries again.
            LOG.warn("{}: local delivery to <{}> failed", message.queueId(), recipient, e);
            return DeliveryResult.deferred("4.3.0", RELAY, "local delivery failed: " + e);
        }
    }

    private DeliveryResult deliverOrExplain(QueuedMessage message, MailAddress recipient) {
        String name = LocalUserNames.userName(recipient.localPart(), parameters.get("recipient_delimiter", ""));
        UserDirectory users = directory.get();
        if (users == null) {
            return DeliveryResult.deferred("4.3.0", RELAY, "user directory unavailable");
        }
        Optional<User> user;
        try {
            user = users.lookup(name);
        } catch (DirectoryException e) {
            return DeliveryResult.deferred("4.3.0", RELAY, "user lookup failed: " + e.getMessage());
        }
        if (user.isEmpty()) {
            return DeliveryResult.bounced("5.1.1", RELAY, "unknown user: \"" + name + "\"");
        }
        String type = StoreSelection.typeFor(user.get(), parameters);
        MailStore target = stores.store(type);
        if (target == null) {
            // The store's bundle is stopped or not installed: keep the mail until it is back.
            return DeliveryResult.deferred("4.3.0", RELAY, "mail store unavailable (" + type + ")");
        }
        try (MailboxSession session = target.open(user.get())) {
            try (Mailbox inbox = session.open(MailboxSession.INBOX);
                    InputStream content = message.openContent();
                    InputStream withHeaders = DeliveryHeaders.prepend(message.envelope().sender(), recipient, content)) {
                // deliver, not append: no UID is needed here, and without one a Maildir store
                // drops the file into new/ without the uidlist lock, as Postfix's local(8) does.
                inbox.deliver(withHeaders, Set.of(), clock.instant());
            }
        } catch (StoreException e) {
            return storeFailure(e, parameters.getBoolean("quota_full_tempfail", false));
        } catch (IOException e) {
            return DeliveryResult.deferred("4.3.0", RELAY, "cannot read message: " + e.getMessage());
        }
        return DeliveryResult.sent(RELAY, "delivered to " + type);
    }

    /**
     * A store failure is temporary (a full disk or a broken one may be fixed), but for a full
     * quota, which Dovecot's LDA and LMTP bounce with {@code 5.2.2} unless
     * {@code quota_full_tempfail = yes} makes it {@code 4.2.2}.
     */
    static DeliveryResult storeFailure(StoreException e, boolean quotaFullTempfail) {
        if (e instanceof QuotaException) {
            return quotaFullTempfail ? DeliveryResult.deferred("4.2.2", RELAY, e.getMessage())
                    : DeliveryResult.bounced("5.2.2", RELAY, e.getMessage());
        }
        if (e.reason() == StoreException.Reason.NO_SPACE) {
            return DeliveryResult.deferred("4.2.2", RELAY, "mailbox full: " + e.getMessage());
        }
        return DeliveryResult.deferred("4.3.0", RELAY, "cannot deliver to mailbox: " + e.getMessage());
    }
}
