package io.tegami.store.mbox;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;
import io.tegami.api.store.Flags;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.QuotaException;
import io.tegami.api.store.StoreException;

/**
 * The changes a handle makes to its folder, each under the folder's write locks: append,
 * flag changes, expunge. The handle that acts is not told of its own change; the others are.
 * Called with the folder's in-process lock held.
 */
final class FolderWrites {

    private FolderWrites() {
    }

    /**
     * Appends a message; returns its UID. With an {@code allowance} the message, once its size is
     * known, must fit the user's quota, else the file is truncated back and the append refused.
     */
    static long append(Folder folder, MboxMailbox actor, InputStream content, Set<String> flags, Instant date,
            MboxQuota.Allowance allowance) throws IOException, StoreException {
        return folder.withWriteLock((locked, state) -> {
            long uid = state.uidNext();
            List<String> keywords = state.keywordsWith(flags);
            long size = locked.channel.size();
            MboxAppender.Appended a = MboxAppender.append(locked.channel, size, state, content, flags, date,
                    uid, keywords, folder.zone);
            MboxLock.markModified(folder.path, locked.mtimeAtLock);
            List<ScannedMessage> scanned = MboxScanner.scanFrom(locked.channel, a.fromOffset(), a.end(), folder.zone);
            if (scanned.size() != 1) {
                throw new IOException("appended message reads back as " + scanned.size() + " messages");
            }
            if (allowance != null) {
                refuseOverQuota(folder, locked, state, size, uid, allowance, scanned.get(0).rfc822Size());
            }
            List<MboxMessage> all = new ArrayList<>(state.messages());
            all.add(new MboxMessage(scanned.get(0), uid, flags, false));
            MboxState neu = new MboxState(state.uidValidity(), uid + 1, keywords, all, state.pseudo(), false, null);
            FolderState.Changes changes;
            if (!state.keywords().containsAll(MboxHeaders.keywords(flags))
                    && (!state.messages().isEmpty() || state.pseudo() != null)) {
                // New keywords must be listed in X-IMAPbase, or neither Dovecot nor we trust them.
                changes = folder.rewrite(locked, neu, all, keywords);
            } else {
                changes = folder.fs.replace(neu, FolderState.FileId.of(folder.path));
            }
            folder.publish(actor, changes);
            return uid;
        });
    }

    /**
     * Takes the message's room from the allowance or, when it does not fit, truncates the file
     * back to {@code oldSize} and refuses it. The UID stays used (X-IMAPbase may already say so),
     * and the state in memory stays valid: the same messages at the same offsets.
     */
    private static void refuseOverQuota(Folder folder, MboxLock locked, MboxState state, long oldSize, long uid,
            MboxQuota.Allowance allowance, long rfc822Size) throws IOException, QuotaException {
        try {
            allowance.take(rfc822Size);
        } catch (QuotaException e) {
            locked.channel.truncate(oldSize);
            locked.channel.force(false);
            folder.fs.replace(new MboxState(state.uidValidity(), uid + 1, state.keywords(), state.messages(),
                    state.pseudo(), false, null), FolderState.FileId.of(folder.path));
            throw e;
        }
    }

    /** Changes flags (IMAP STORE with CONDSTORE's UNCHANGEDSINCE). */
    static FlagUpdate updateFlags(Folder folder, MboxMailbox actor, Set<Long> wanted, FlagMode mode, Set<String> given,
            long unchangedSince) throws IOException, StoreException {
        return folder.withWriteLock((locked, state) -> {
            List<MboxMessage> out = new ArrayList<>(state.messages().size());
            List<Long> refused = new ArrayList<>();
            Set<Long> touched = new HashSet<>();
            boolean changed = false;
            for (MboxMessage m : state.messages()) {
                if (!wanted.contains(m.uid())) {
                    out.add(m);
                } else if (folder.fs.modSeq(m.uid()) > unchangedSince) {
                    refused.add(m.uid());
                    out.add(m);
                } else {
                    touched.add(m.uid());
                    Set<String> nf = apply(mode, m.flags(), given);
                    changed |= !nf.equals(m.flags());
                    out.add(m.withFlags(nf));
                }
            }
            if (changed) {
                folder.publish(actor, folder.rewrite(locked, state, out, state.keywordsWith(given)));
            }
            List<MessageInfo> updated = new ArrayList<>();
            for (MboxMessage m : folder.fs.mbox.messages()) {
                if (touched.contains(m.uid())) {
                    updated.add(folder.fs.info(m, actor, actor.readOnly()));
                }
            }
            return new FlagUpdate(updated, refused);
        });
    }

    private static Set<String> apply(FlagMode mode, Set<String> current, Set<String> given) {
        Set<String> nf = new HashSet<>(mode == FlagMode.REPLACE ? Set.of() : current);
        if (mode == FlagMode.REMOVE) {
            nf.removeAll(given);
        } else {
            nf.addAll(given);
        }
        return nf;
    }

    /**
     * Removes the messages among {@code wanted} (all for null) that are \Deleted, or every one of
     * them if {@code force} (MOVE); returns the UIDs removed.
     */
    static List<Long> expunge(Folder folder, MboxMailbox actor, Set<Long> wanted, boolean force)
            throws IOException, StoreException {
        return folder.withWriteLock((locked, state) -> {
            List<Long> removed = new ArrayList<>();
            List<MboxMessage> keep = new ArrayList<>();
            for (MboxMessage m : state.messages()) {
                boolean chosen = wanted == null || wanted.contains(m.uid());
                if (chosen && (force || m.flags().contains(Flags.DELETED))) {
                    removed.add(m.uid());
                } else {
                    keep.add(m);
                }
            }
            if (!removed.isEmpty()) {
                folder.publish(actor, folder.rewrite(locked, state, keep, state.keywords()));
            }
            return removed;
        });
    }
}
