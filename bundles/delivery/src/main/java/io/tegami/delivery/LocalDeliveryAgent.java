package io.tegami.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.tegami.api.address.AddressResolver;
import io.tegami.api.config.MailParameters;
import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.StoreSelection;
import io.tegami.api.store.QuotaException;
import io.tegami.api.store.StoreException;
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
 *
 * <p>Before that, as local(8) does, a recipient is expanded through the {@link AddressResolver}
 * services (aliases(5): see {@link AliasExpander}): its mail may go to several mailboxes, to
 * commands ({@link CommandDelivery}), to files ({@link FileDelivery}), and to other systems
 * through the queue ({@link Forwarder}). A message whose {@code Delivered-To:} already names the
 * recipient is a forwarding loop and bounces. With {@code mailbox_command} set, mailbox
 * deliveries go to that command (procmail...) instead of the store.
 *
 * <p>With a {@link SieveEngine} bound (the {@code sieve} bundle, optional and swappable), a
 * mailbox delivery runs the user's Sieve scripts first ({@link SieveDelivery}); without it, or for
 * a user without scripts, mail goes to INBOX.
 */
@Component(service = DeliveryAgent.class, property = DeliveryAgent.TRANSPORT + "=local",
        configurationPid = LocalDeliveryAgent.PID)
@Designate(ocd = LocalDeliveryAgent.Config.class)
public final class LocalDeliveryAgent extends LocalRecipients implements DeliveryAgent {

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

    private final Clock clock;
    private final StoreSelection stores = new StoreSelection();
    private final AtomicReference<MailQueue> queue = new AtomicReference<>();
    private final AtomicReference<SieveEngine> sieve = new AtomicReference<>();
    private final ScriptCache scripts = new ScriptCache();

    @Activate
    public LocalDeliveryAgent(@Reference(name = "parameters") MailParameters parameters) {
        this(parameters, Clock.systemUTC());
    }

    LocalDeliveryAgent(MailParameters parameters, Clock clock) {
        super(parameters);
        this.clock = clock;
    }

    @Reference(name = "store", target = "(type=*)", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(MailStore s, Map<String, Object> properties) {
        stores.add(s, properties);
    }

    void unbindStore(MailStore s) {
        stores.remove(s);
    }

    @Reference(name = "queue", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindQueue(MailQueue q) {
        queue.set(q);
    }

    void unbindQueue(MailQueue q) {
        queue.compareAndSet(q, null);
    }

    @Reference(name = "sieve", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSieve(SieveEngine e) {
        sieve.set(e);
    }

    void unbindSieve(SieveEngine e) {
        sieve.compareAndSet(e, null);
    }

    @Override
    public DeliveryResult deliver(QueuedMessage message, MailAddress recipient) {
        try {
            return deliverOrExplain(message, recipient);
        } catch (UncheckedIOException e) {
            // An alias table or :include: file that cannot be read now: Postfix defers too.
            LOG.warn("{}: alias lookup for <{}> failed: {}", message.queueId(), recipient, e.getMessage());
            return DeliveryResult.deferred("4.3.0", RELAY, "alias database unavailable: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // Whatever it was, the queue keeps the mail and tries again.
            LOG.warn("{}: local delivery to <{}> failed", message.queueId(), recipient, e);
            return DeliveryResult.deferred("4.3.0", RELAY, "local delivery failed: " + e);
        }
    }

    private DeliveryResult deliverOrExplain(QueuedMessage message, MailAddress recipient) {
        try {
            if (LoopCheck.deliveredBefore(message, recipient.toString())) {
                return DeliveryResult.bounced("5.4.6", RELAY, "mail forwarding loop for " + recipient);
            }
        } catch (IOException e) {
            return DeliveryResult.deferred("4.3.0", RELAY, "cannot read message: " + e.getMessage());
        }
        if (resolvers.isEmpty() && !parameters.getList("alias_maps").isEmpty()) {
            // alias_maps is set but no resolver serves it now (the aliases bundle stopped or being
            // updated): as local(8) when its alias database cannot be read, defer rather than
            // bounce a name that is an alias ("unknown user") or bypass one that redirects.
            return DeliveryResult.deferred("4.3.0", RELAY, "alias database unavailable");
        }
        MailAddress sender = message.envelope().sender();
        Expansion expansion = expandAliases(recipient, sender);
        List<DeliveryResult> results = new ArrayList<>(expansion.failures());
        Map<MailAddress, List<MailAddress>> forwards = new LinkedHashMap<>();
        for (Target t : expansion.targets()) {
            if (t.kind() == Target.Kind.MAILBOX && !t.sender().equals(sender)) {
                // A list with an owner: its local members get their copy through the queue too,
                // so that what fails for them is reported to the owner, not to the sender.
                forwards.computeIfAbsent(t.sender(), k -> new ArrayList<>()).add(t.recipient());
                continue;
            }
            switch (t.kind()) {
                case MAILBOX -> results.add(MailboxDelivery.deliver(parameters, directory(), stores,
                        new MailboxDelivery.SieveContext(sieve.get(), scripts, queue.get()), message,
                        t.value(), t.recipient(), t.sender(), recipient, clock.instant()));
                case COMMAND -> results.add(CommandDelivery.run(parameters, message, t.value(), t.sender(),
                        t.recipient(), recipient, null, clock.instant()));
                case FILE -> results.add(appendToFile(message, t));
                case FORWARD -> forwards.computeIfAbsent(t.sender(), k -> new ArrayList<>()).add(t.recipient());
            }
        }
        for (Map.Entry<MailAddress, List<MailAddress>> f : forwards.entrySet()) {
            results.add(Forwarder.forward(queue.get(), message, recipient, f.getKey(), f.getValue(),
                    CommandDelivery.prepends(parameters, "forward")));
        }
        if (results.size() > 1) {
            for (DeliveryResult r : results) {
                LOG.info("{}: to=<{}>, relay=local, dsn={}, status={} ({})", message.queueId(), recipient, r.dsn(),
                        r.status().name().toLowerCase(java.util.Locale.ROOT), r.detail());
            }
        }
        return Outcomes.combine(results);
    }

    private DeliveryResult appendToFile(QueuedMessage message, Target t) {
        try (InputStream content = message.openContent()) {
            return FileDelivery.append(Path.of(t.value()), t.sender(), t.recipient(), content, clock.instant(),
                    CommandDelivery.prepends(parameters, "file"));
        } catch (IOException e) {
            return DeliveryResult.deferred("4.3.0", RELAY, "cannot read message: " + e.getMessage());
        }
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
