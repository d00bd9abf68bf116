package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.tegami.api.store.MessageInfo;

/**
 * What this JVM knows of one mbox beyond its headers: the file it last read (to skip rereading an
 * unchanged file), modification sequences, and which handle claimed {@code \Recent} for each
 * message. Guarded by the {@link Folder}'s lock.
 *
 * <p>Modification sequences are not in the mbox format (Dovecot keeps them in its index files),
 * so they live here and start, for each folder this JVM loads, from a clock value in
 * microseconds: HIGHESTMODSEQ never goes back across restarts, and a client that synced before
 * a restart sees everything as changed, which is safe.
 */
final class FolderState {

    private static final AtomicLong LAST_VALIDITY = new AtomicLong();
    private static final AtomicLong LAST_SEED = new AtomicLong();

    MboxState mbox;
    FileId id;
    long highest;
    private final Map<Long, Long> modSeqs = new HashMap<>();
    private final Map<Long, Object> claims = new HashMap<>();
    /** Each message as last shown (not \Recent), so that a warm SELECT builds nothing per message. */
    private final Map<Long, Shown> shown = new HashMap<>();

    private record Shown(MboxMessage message, MessageInfo info) {
    }

    /** The identity of a file's version: inode, size and modification time. */
    record FileId(Object key, long size, long mtimeNanos) {
        static FileId of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileId(a.fileKey(), a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        }

        boolean sameFile(FileId other) {
            return other != null && Objects.equals(key, other.key);
        }
    }

    /** What a new read of the file changed, for listeners. */
    record Changes(List<MboxMessage> added, List<Long> expunged, List<MboxMessage> flagsChanged, boolean reset) {
        static final Changes NONE = new Changes(List.of(), List.of(), List.of(), false);

        boolean isEmpty() {
            return added.isEmpty() && expunged.isEmpty() && flagsChanged.isEmpty() && !reset;
        }
    }

    /** A new UIDVALIDITY: the time in seconds, but never one given out before by this JVM. */
    static long newUidValidity() {
        long now = System.currentTimeMillis() / 1000;
        return LAST_VALIDITY.updateAndGet(last -> Math.max(now, last + 1)) & 0xffffffffL;
    }

    private static long seed() {
        long now = System.currentTimeMillis() * 1000;
        return LAST_SEED.updateAndGet(last -> Math.max(now, last + 1));
    }

    /** What to carry over when the file is read again. */
    MboxSync.Previous previous(FileId now) {
        return mbox == null ? null
                : new MboxSync.Previous(mbox.uidValidity(), mbox.uidNext(), mbox.keywords(), id != null && id.sameFile(now));
    }

    /** Takes a newly read state and says what changed. */
    Changes replace(MboxState neu, FileId newId) {
        MboxState old = mbox;
        mbox = neu;
        id = newId;
        if (old == null || old.uidValidity() != neu.uidValidity()) {
            highest = Math.max(highest + 1, seed());
            modSeqs.clear();
            claims.clear();
            shown.clear();
            for (MboxMessage m : neu.messages()) {
                modSeqs.put(m.uid(), highest);
            }
            return old == null ? Changes.NONE : new Changes(List.of(), List.of(), List.of(), true);
        }
        Map<Long, MboxMessage> before = new HashMap<>();
        for (MboxMessage m : old.messages()) {
            before.put(m.uid(), m);
        }
        List<MboxMessage> added = new ArrayList<>();
        List<MboxMessage> changed = new ArrayList<>();
        long next = highest + 1;
        for (MboxMessage m : neu.messages()) {
            MboxMessage was = before.remove(m.uid());
            if (was == null) {
                added.add(m);
                modSeqs.put(m.uid(), next);
            } else if (!was.flags().equals(m.flags())) {
                changed.add(m);
                modSeqs.put(m.uid(), next);
            }
        }
        List<Long> expunged = new ArrayList<>(before.keySet());
        expunged.sort(null);
        for (Long uid : expunged) {
            modSeqs.remove(uid);
            claims.remove(uid);
            shown.remove(uid);
        }
        if (!added.isEmpty() || !changed.isEmpty() || !expunged.isEmpty()) {
            highest = next;
        }
        return new Changes(added, expunged, changed, false);
    }

    long modSeq(long uid) {
        return modSeqs.getOrDefault(uid, highest);
    }

    /** Whether a session claimed the message's {@code \Recent} in this JVM. */
    boolean claimed(long uid) {
        return claims.containsKey(uid);
    }

    /**
     * The message as {@code asker} sees it. A read-write handle claims {@code \Recent} of a new
     * message nobody claimed; a read-only one sees it recent without claiming.
     */
    MessageInfo info(MboxMessage m, Object asker, boolean readOnly) {
        Object c = claims.get(m.uid());
        boolean recent;
        if (c != null) {
            recent = c == asker;
        } else if (m.old()) {
            recent = false;
        } else if (readOnly) {
            recent = true;
        } else {
            claims.put(m.uid(), asker);
            recent = true;
        }
        long modSeq = modSeq(m.uid());
        Shown last = shown.get(m.uid());
        if (last == null || last.message() != m || last.info().modSeq() != modSeq) {
            ScannedMessage s = m.scan();
            last = new Shown(m, new MessageInfo(m.uid(), s.size(), s.rfc822Size(), s.date(), m.flags(), modSeq, false));
            shown.put(m.uid(), last);
        }
        return last.info().withRecent(recent);
    }
}
