package io.tegami.store.mbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.tegami.api.store.CopyResult;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;

/** IMAP COPY and the copy half of MOVE from an mbox folder: message by message through the target's append. */
final class MboxCopier {

    private MboxCopier() {
    }

    /**
     * Copies through the target's append. Within the store the whole COPY is one quota check
     * (Dovecot checks a transaction against the usage at its start); a MOVE is not checked,
     * unless it takes messages out of a mailbox the quota ignores.
     */
    static CopyResult copy(MboxMailbox source, Collection<Long> uids, Mailbox target, boolean moving)
            throws StoreException {
        Objects.requireNonNull(target, "target");
        List<MessageInfo> chosen = source.messages(uids);
        MboxQuota.Allowance allowance = null;
        MboxMailbox own = target instanceof MboxMailbox t ? t : null;
        if (own != null && !chosen.isEmpty()) {
            MboxQuota q = own.session.quotaRules();
            if (!moving || q.moveNeedsCheck(source.name(), own.name())) {
                allowance = q.allowance(own.name(), false);
            }
            if (allowance != null) {
                long bytes = 0;
                for (MessageInfo m : chosen) {
                    bytes += m.rfc822Size();
                }
                allowance.fits(bytes, chosen.size()); // all or nothing, as Dovecot's transaction
            }
        }
        Map<Long, Long> map = new TreeMap<>();
        for (MessageInfo m : chosen) {
            try (InputStream in = source.openMessage(m.uid())) {
                long uid = own != null ? own.append(in, m.flags(), m.internalDate(), allowance)
                        : target.append(in, m.flags(), m.internalDate());
                map.put(m.uid(), uid);
            } catch (IOException e) {
                throw FsSupport.failure(source.name() + ": copying UID " + m.uid(), e);
            }
        }
        return new CopyResult(target.uidValidity(), new TreeMap<>(map));
    }

}
