package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.tegami.api.config.MailParameters;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.Quota;
import io.tegami.api.store.QuotaException;
import io.tegami.api.store.QuotaRules;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's quota on mbox folders, counted as Dovecot's {@code count} backend counts it (the
 * backend Dovecot recommends for mbox, with {@code quota_vsizes}): the RFC822.SIZE of every
 * message of every folder the rules do not ignore, from each folder's state, which is read again
 * only when its file changed. Used by one session's thread; takes one folder lock at a time,
 * never while holding another.
 */
final class MboxQuota {

    private static final Logger LOG = LoggerFactory.getLogger(MboxQuota.class);

    private final QuotaRules rules;
    private final String broken;
    private final MboxLayout layout;
    private final MboxFolders folders;
    private final FolderRegistry registry;

    private MboxQuota(QuotaRules rules, String broken, MboxLayout layout, MboxFolders folders,
            FolderRegistry registry) {
        this.rules = rules;
        this.broken = broken;
        this.layout = layout;
        this.folders = folders;
        this.registry = registry;
    }

    static MboxQuota of(User user, MailParameters params, MboxLayout layout, MboxFolders folders,
            FolderRegistry registry) {
        try {
            return new MboxQuota(QuotaRules.forUser(user, params), null, layout, folders, registry);
        } catch (IllegalArgumentException | ArithmeticException e) {
            LOG.error("quota: {}: invalid quota setting: {}", user.name(), e.getMessage());
            return new MboxQuota(QuotaRules.NONE, e.getMessage(), layout, folders, registry);
        }
    }

    private void ensureValid() throws StoreException {
        if (broken != null) {
            throw new StoreException(StoreException.Reason.IO, "Invalid quota setting: " + broken);
        }
    }

    /** The usage and limits for GETQUOTA, or empty without a quota. */
    Optional<Quota> report() throws StoreException {
        ensureValid();
        return rules.enabled() ? Optional.of(usage()) : Optional.empty();
    }

    /** Sums every folder the rules count. */
    Quota usage() throws StoreException {
        long bytes = 0;
        long messages = 0;
        try {
            for (MailboxInfo info : folders.list()) {
                if (!info.selectable() || rules.ignored(info.name())) {
                    continue;
                }
                Path file = layout.pathOf(info.name());
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Folder f = registry.folder(file, info.name());
                long[] sum;
                try {
                    sum = f.locked("counting quota", () -> {
                        MboxState s = f.current(null);
                        long b = 0;
                        for (MboxMessage m : s.messages()) {
                            b += m.scan().rfc822Size();
                        }
                        return new long[] {b, s.messages().size()};
                    });
                } catch (StoreException e) {
                    if (e.reason() == StoreException.Reason.NOT_FOUND) {
                        continue; // deleted while we counted
                    }
                    throw e;
                }
                bytes += sum[0];
                messages += sum[1];
            }
        } catch (IOException e) {
            throw FsSupport.failure("counting the quota", e);
        }
        return new Quota(rules.root(), bytes, rules.bytesLimit(), messages, rules.messagesLimit());
    }

    /**
     * What may still be added to {@code mailbox}, for a writer to check each message against
     * once its size is known; null when nothing is enforced there. Counted before any folder
     * lock is taken.
     *
     * @param delivery a delivery, which gets {@code quota_grace}
     */
    Allowance allowance(String mailbox, boolean delivery) throws StoreException {
        ensureValid();
        if (!rules.enabled() || !rules.enforcing() || rules.ignored(mailbox)) {
            return null;
        }
        Allowance a = new Allowance(rules, usage(), mailbox, delivery);
        a.take(0); // already at a limit: refused before a byte is written
        a.bytes = 0;
        a.messages = 0;
        return a;
    }

    /** Whether messages moved from {@code from} to {@code to} need a check (out of an ignored mailbox). */
    boolean moveNeedsCheck(String from, String to) {
        return rules.ignored(from) && !rules.ignored(to);
    }

    /** The room left in one mailbox for the messages of one operation (an APPEND, a COPY). */
    static final class Allowance {
        private final QuotaRules rules;
        private final Quota usage;
        private final String mailbox;
        private final boolean delivery;
        private long bytes;
        private long messages;

        private Allowance(QuotaRules rules, Quota usage, String mailbox, boolean delivery) {
            this.rules = rules;
            this.usage = usage;
            this.mailbox = mailbox;
            this.delivery = delivery;
        }

        /** Takes room for one more message of {@code size} bytes, or refuses it. */
        void take(long size) throws QuotaException {
            // Dovecot gives the grace to the first message of a delivery only
            rules.check(now(), mailbox, size, 1, delivery && messages == 0);
            bytes += size;
            messages++;
        }

        /** Refuses a batch (a COPY) that cannot fit as a whole, before any of it is written. */
        void fits(long size, long count) throws QuotaException {
            rules.check(now(), mailbox, size, count, false);
        }

        private Quota now() {
            return new Quota(usage.root(), usage.storageUsed() + bytes, usage.storageLimit(),
                    usage.messagesUsed() + messages, usage.messagesLimit());
        }
    }
}
