package io.tegami.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tegami.api.config.MailParameters;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveEnvironment;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveScriptLocation;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mailbox delivery through the user's Sieve scripts, as Dovecot's LDA with Pigeonhole: the
 * scripts run ({@link SieveFilter}), then the result is performed. Stores come first, since a
 * store failure defers the whole delivery and nothing has left yet; then redirects (through the
 * queue, the envelope sender kept), rejections and vacation replies. A {@code fileinto} to a
 * missing folder without {@code :create} or {@code lda_mailbox_autocreate} falls back to INBOX.
 */
final class SieveDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SieveDelivery.class);

    /** What the delivery needs besides the message. */
    record Context(MailParameters parameters, SieveEngine engine, ScriptCache cache, MailQueue queue, User user,
            MailAddress sender, MailAddress recipient, MailAddress original, Instant now) {
    }

    private SieveDelivery() {
    }

    /**
     * Delivers through Sieve into an open session; null when the user has no script to run, in
     * which case the caller delivers to INBOX as usual.
     */
    static DeliveryResult deliver(Context c, MailboxSession session, QueuedMessage message) throws StoreException,
            IOException {
        List<Path> scripts = SieveFilter.scripts(c.parameters(), c.user(), message.queueId());
        if (scripts.isEmpty()) {
            return null;
        }
        QueuedSieveMessage sieveMessage = new QueuedSieveMessage(message);
        HeaderSection header = sieveMessage.header();
        String msgid = Outbound.oneLine(header.first("Message-ID"));
        DuplicateMemory memory = new DuplicateMemory(c.user().home());
        SieveEnvelope envelope = new SieveEnvelope(c.sender().toString(), c.recipient().toString(),
                c.original().toString(), c.user().name());
        SieveResult result = SieveFilter.run(c.engine(), c.cache(), scripts, sieveMessage, envelope,
                SieveFilter.limits(c.parameters()), SieveFilter.maxScriptSize(c.parameters()),
                environment(c, session, memory), message.queueId(), msgid);
        String log = message.queueId() + ": sieve: msgid=" + (msgid.isEmpty() ? "unspecified" : msgid) + ": ";
        if (c.queue() == null && result.actions().stream()
                .anyMatch(a -> a instanceof SieveAction.Redirect || a instanceof SieveAction.Reject)) {
            // What the script sends must go through the queue: wait for it rather than drop mail.
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "mail queue unavailable for sieve");
        }
        Set<String> stored = new LinkedHashSet<>();
        for (SieveAction a : result.actions()) {
            if (a instanceof SieveAction.Store s) {
                store(c, session, message, result, s.folder(), s.flags(), s.create(), log, stored);
            }
        }
        if (result.implicitKeep()) {
            store(c, session, message, result, MailboxSession.INBOX, result.keepFlags(), false, log, stored);
        }
        boolean failed = false;
        for (SieveAction a : result.actions()) {
            if (!(a instanceof SieveAction.Store)) {
                failed |= !perform(c, message, header, result, a, memory, log);
            }
        }
        if (failed && stored.isEmpty()) {
            // As Pigeonhole: when an action fails, the implicit keep is the fallback.
            store(c, session, message, result, MailboxSession.INBOX, result.keepFlags(), false, log, stored);
        }
        return DeliveryResult.sent(LocalDeliveryAgent.RELAY, "delivered via sieve");
    }

    /** Performs one non-store action; false when a redirect or reject could not be sent. */
    private static boolean perform(Context c, QueuedMessage message, HeaderSection header, SieveResult result,
            SieveAction a, DuplicateMemory memory, String log) {
        try {
            if (a instanceof SieveAction.Discard) {
                LOG.info("{}marked message to be discarded if not explicitly delivered (discard action)", log);
            } else if (a instanceof SieveAction.Redirect r) {
                DeliveryResult fwd = Forwarder.forward(c.queue(), message, c.recipient(), c.sender(),
                        List.of(MailAddress.parse(r.address())), true,
                        () -> HeaderEdits.open(message, result.headerEdits()));
                if (fwd.status() == DeliveryResult.Status.SENT) {
                    LOG.info("{}forwarded to <{}> ({})", log, r.address(), fwd.detail());
                } else {
                    LOG.error("{}failed to redirect message to <{}>: {}", log, r.address(), fwd.detail());
                    return false;
                }
            } else if (a instanceof SieveAction.Reject r) {
                if (c.sender().isNullSender()) {
                    LOG.info("{}discarded reject to <> sender", log);
                } else {
                    String id = Rejection.send(c.parameters(), c.queue(), message, header, c.sender(), c.recipient(),
                            c.original(), r.reason(), c.now());
                    LOG.info("{}rejected message from <{}> ({}) as {}", log, c.sender(),
                            r.extended() ? "ereject" : "reject", id);
                }
            } else if (a instanceof SieveAction.Vacation v) {
                LOG.info("{}{}", log, VacationResponder.respond(c.parameters(), c.queue(), memory, header, v,
                        c.sender(), c.recipient(), c.original(), c.now()));
            } else {
                LOG.warn("{}unsupported action ignored: {}", log, a.describe());
            }
        } catch (IOException | RuntimeException e) {
            // Stores are done; a reply that cannot be sent must not defer (and duplicate) them.
            LOG.error("{}failed to perform {}: {}", log, a.describe().get(0), e.toString());
            return !(a instanceof SieveAction.Reject || a instanceof SieveAction.Redirect);
        }
        return true;
    }

    /**
     * Stores a copy into a folder unless an earlier action stored one there; a folder that is
     * missing (without {@code :create} or {@code lda_mailbox_autocreate}) or whose name the store
     * refuses gets INBOX instead, as Dovecot's LDA does. Only store failures that may pass (I/O,
     * full disk or quota) are thrown, to defer the delivery.
     */
    private static void store(Context c, MailboxSession session, QueuedMessage message, SieveResult result,
            String folder, List<String> flags, boolean create, String log, Set<String> stored)
            throws StoreException, IOException {
        String target = folder.equalsIgnoreCase(MailboxSession.INBOX) ? MailboxSession.INBOX : folder;
        if (!target.equals(MailboxSession.INBOX) && !stored.contains(target)) {
            target = existingOrCreated(c, session, folder, create, log);
        }
        if (!stored.add(target)) {
            return; // the same folder twice gets one copy, as Pigeonhole merges duplicate stores
        }
        try (Mailbox box = session.open(target);
                InputStream content = HeaderEdits.open(message, result.headerEdits());
                InputStream with = new SequenceInputStream(new java.io.ByteArrayInputStream(
                        DeliveryHeaders.headers(c.sender(), c.recipient()).getBytes(StandardCharsets.UTF_8)), content)) {
            box.deliver(with, new LinkedHashSet<>(flags), c.now());
        }
        LOG.info("{}stored mail into mailbox '{}'", log, target);
    }

    private static String existingOrCreated(Context c, MailboxSession session, String folder, boolean create,
            String log) throws StoreException {
        try {
            if (exists(session, folder)) {
                return folder;
            }
            if (create || c.parameters().getBoolean("lda_mailbox_autocreate", false)) {
                session.create(folder);
                if (c.parameters().getBoolean("lda_mailbox_autosubscribe", false)) {
                    session.subscribe(folder);
                }
                return folder;
            }
            LOG.info("{}failed to store into mailbox '{}': Mailbox doesn't exist: {}; saved to INBOX instead",
                    log, folder, folder);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.IO || e.reason() == StoreException.Reason.NO_SPACE) {
                throw e;
            }
            if (e.reason() == StoreException.Reason.ALREADY_EXISTS) {
                return folder; // created meanwhile by another delivery
            }
            LOG.info("{}failed to store into mailbox '{}': {}; saved to INBOX instead", log, folder, e.getMessage());
        }
        return MailboxSession.INBOX;
    }

    static boolean exists(MailboxSession session, String folder) {
        try {
            session.open(folder, true).close();
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    /**
     * The text of a script {@code include} names: a personal one next to the user's scripts, a
     * global one in {@code sieve_global}; null when there is none.
     */
    static String includeScript(MailParameters parameters, User user, String name, boolean global) {
        try {
            Path file;
            if (global) {
                String dir = parameters.get("sieve_global", "").replaceFirst("^file:", "").split(";")[0];
                if (dir.isBlank() || !SieveScriptLocation.validName(name)) {
                    return null;
                }
                file = Path.of(dir).resolve(name + SieveScriptLocation.SUFFIX);
            } else {
                file = SieveScriptLocation.of(parameters.get("sieve", SieveScriptLocation.DEFAULT), user.home())
                        .script(name);
            }
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static SieveEnvironment environment(Context c, MailboxSession session, DuplicateMemory memory) {
        return new SieveEnvironment() {
            @Override
            public boolean mailboxExists(String mailbox) {
                return mailbox.equalsIgnoreCase(MailboxSession.INBOX) || exists(session, mailbox);
            }

            @Override
            public String includeScript(String name, boolean global) {
                return SieveDelivery.includeScript(c.parameters(), c.user(), name, global);
            }

            @Override
            public boolean duplicateSeen(String key) {
                try {
                    return memory.seen("duplicate\0" + key, c.now());
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public void duplicateMark(String key, long seconds, boolean last) {
                try {
                    memory.mark("duplicate\0" + key, seconds, last, c.now());
                } catch (IOException e) {
                    LOG.warn("sieve: cannot record duplicate: {}", e.getMessage());
                }
            }
        };
    }
}
