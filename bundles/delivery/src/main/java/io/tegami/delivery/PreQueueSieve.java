package io.tegami.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveEreject;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SieveEreject} for the SMTP server: the local delivery agent's view of a recipient (local
 * domain, aliases, user, scripts) and a side-effect-free run of its scripts
 * ({@link PreQueueEnvironment}). It exists only while a {@link SieveEngine} does (a mandatory
 * reference), so that with the {@code sieve} bundle stopped the SMTP server queues everything.
 *
 * <p>Recipients whose mail local(8) would not give to the user's scripts are not filtered here:
 * other domains, {@code mailbox_command}, aliases that lead to several places (a list: one
 * member's script cannot refuse for all), to an {@code owner-} sender, to commands or files.
 */
@Component(service = SieveEreject.class)
public final class PreQueueSieve extends LocalRecipients implements SieveEreject {

    private static final Logger LOG = LoggerFactory.getLogger(PreQueueSieve.class);

    /** A recipient as delivery would see it. */
    record Resolved(User user, MailAddress recipient, List<Path> scripts) {
    }

    private final SieveEngine engine;
    private final Clock clock;
    private final ScriptCache cache = new ScriptCache();

    @Activate
    public PreQueueSieve(@Reference(name = "parameters") MailParameters parameters,
            @Reference(name = "sieve", policyOption = ReferencePolicyOption.GREEDY) SieveEngine engine) {
        this(parameters, engine, Clock.systemUTC());
    }

    PreQueueSieve(MailParameters parameters, SieveEngine engine, Clock clock) {
        super(parameters);
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public boolean filters(MailAddress sender, MailAddress recipient) {
        return resolve(sender, recipient).isPresent();
    }

    @Override
    public Optional<String> ereject(QueuedMessage message, MailAddress recipient) {
        MailAddress sender = message.envelope().sender();
        Optional<Resolved> found = resolve(sender, recipient);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Resolved r = found.get();
        QueuedSieveMessage sieveMessage = new QueuedSieveMessage(message);
        String msgid;
        try {
            msgid = Outbound.oneLine(sieveMessage.header().first("Message-ID"));
        } catch (IOException e) {
            return Optional.empty();
        }
        SieveEnvelope envelope = new SieveEnvelope(sender.toString(), r.recipient().toString(), recipient.toString(),
                r.user().name());
        PreQueueEnvironment environment = new PreQueueEnvironment(parameters, r.user(), clock.instant());
        SieveResult result = SieveFilter.run(engine, cache, r.scripts(), sieveMessage, envelope,
                SieveFilter.limits(parameters), SieveFilter.maxScriptSize(parameters), environment,
                message.queueId(), msgid, true);
        if (!result.succeeded() || environment.uncertain()) {
            LOG.debug("{}: sieve: pre-queue run for <{}> inconclusive: {}", message.queueId(), recipient,
                    result.succeeded() ? "the scripts test mailboxes" : result.error());
            return Optional.empty();
        }
        return erejectReason(result);
    }

    /** The reason of the result's {@code ereject}, if it has one. */
    static Optional<String> erejectReason(SieveResult result) {
        for (SieveAction a : result.actions()) {
            if (a instanceof SieveAction.Reject rj && rj.extended()) {
                return Optional.of(rj.reason());
            }
        }
        return Optional.empty();
    }

    /** The user and scripts local delivery would use for this recipient; empty when it would use none. */
    Optional<Resolved> resolve(MailAddress sender, MailAddress recipient) {
        try {
            String domain = recipient.domain();
            if (domain == null || domain.isEmpty() || !ResolverRegistry.isLocal(parameters, domain)
                    || !parameters.explicit().getOrDefault("mailbox_command", "").isBlank()) {
                return Optional.empty();
            }
            Expansion e = expandAliases(recipient, sender);
            if (!e.failures().isEmpty() || e.targets().size() != 1) {
                return Optional.empty();
            }
            Target t = e.targets().get(0);
            UserDirectory users = directory();
            if (t.kind() != Target.Kind.MAILBOX || !t.sender().equals(sender) || users == null) {
                return Optional.empty();
            }
            Optional<User> user = users.lookup(t.value());
            if (user.isEmpty()) {
                return Optional.empty();
            }
            List<Path> scripts = SieveFilter.scripts(parameters, user.get(), "NOQUEUE");
            return scripts.isEmpty() ? Optional.empty() : Optional.of(new Resolved(user.get(), t.recipient(), scripts));
        } catch (DirectoryException | RuntimeException e) {
            // An alias table or directory that fails now: delivery will decide, later.
            LOG.debug("sieve: pre-queue lookup of <{}> failed: {}", recipient, e.toString());
            return Optional.empty();
        }
    }
}
