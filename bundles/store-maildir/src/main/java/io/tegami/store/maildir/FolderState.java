package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything this JVM shares about one open maildir: the lock that serializes its sessions (the
 * dot-lock on {@code dovecot-uidlist} serializes processes), the messages as its handles were
 * last told of them, the {@code \Recent} claims, the modseq log, and the open handles to tell of
 * changes. Exists while at least one handle is open ({@link FolderRegistry}).
 *
 * <p>{@link #sync()} compares the disk with what handles were told and passes the difference
 * (changes of other processes) to every handle; operations of a handle update the disk, then
 * {@link #record} their result here and {@link #publish} it to the other handles. All methods but
 * the handle list need {@link #lock} held.
 */
final class FolderState {

    private static final Logger LOG = LoggerFactory.getLogger(FolderState.class);

    final ReentrantLock lock = new ReentrantLock();
    final Path maildir;
    final UidListFile uidlist;
    final KeywordsFile keywords;
    final ModSeqLog modseqs;
    private final MaildirSync syncer;
    private final List<MaildirMailbox> handles = new CopyOnWriteArrayList<>();
    private final TreeMap<Long, Entry> known = new TreeMap<>();
    private boolean initialized;
    private long validity;
    /** UIDs from here on are \Recent for whichever read-write handle sees them first. */
    private long firstUnclaimed = 1;
    /** Tickets of deliveries placed in the folder that want announcing ({@link #delivered()}). */
    private final AtomicLong deliveries = new AtomicLong();
    /** Every delivery ticket up to this one was seen by a completed sync. */
    private long announced;
    int refs; // guarded by the registry

    FolderState(Path maildir, Path controlDir) {
        this.maildir = maildir;
        this.uidlist = new UidListFile(controlDir);
        this.keywords = new KeywordsFile(controlDir);
        this.modseqs = new ModSeqLog(controlDir);
        this.syncer = new MaildirSync(maildir, uidlist);
    }

    void attach(MaildirMailbox h) {
        handles.add(h);
    }

    void detach(MaildirMailbox h) {
        handles.remove(h);
    }

    /** Whether a handle other than {@code origin} has listeners to tell of changes (IMAP IDLE). */
    boolean othersListening(MaildirMailbox origin) {
        for (MaildirMailbox h : handles) {
            if (h != origin && h.hasListeners()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A ticket for a delivery whose file is durable in the folder now, to pass to
     * {@link #announce}. Needs no lock.
     */
    long delivered() {
        return deliveries.incrementAndGet();
    }

    /**
     * Makes sure a sync that started after delivery {@code ticket} was placed has run, which
     * numbers it and tells every listening handle. Deliveries that waited for the lock together
     * are covered by the first one's sync: the others find their ticket announced already.
     */
    void announce(long ticket) throws IOException, StoreException {
        if (announced < ticket) {
            sync();
        }
    }

    boolean initialized() {
        return initialized;
    }

    long validity() {
        return validity;
    }

    Entry entry(long uid) {
        return known.get(uid);
    }

    /**
     * Brings this state in line with the disk and passes what others changed to the listeners
     * of every handle (none on the first sync: nobody knew anything before it).
     *
     * @return the messages, in UID order
     * @throws StoreException NOT_FOUND if the folder was deleted (its handles are closed)
     */
    List<Entry> sync() throws IOException, StoreException {
        return sync(null, Set.of());
    }

    /**
     * A sync after {@code origin} deleted the files of {@code removed}: their expunge goes to the
     * other handles only, anything else found goes to all.
     *
     * @return the UIDs of {@code removed} that are gone from the uidlist now
     */
    List<Long> syncOwnExpunge(MaildirMailbox origin, List<Long> removed) throws IOException, StoreException {
        sync(origin, new HashSet<>(removed));
        List<Long> gone = new ArrayList<>();
        for (Long uid : removed) {
            if (!known.containsKey(uid)) {
                gone.add(uid);
            }
        }
        gone.sort(null);
        return gone;
    }

    /** The messages as last synced, in UID order. */
    List<Entry> entriesSnapshot() {
        return new ArrayList<>(known.values());
    }

    private List<Entry> sync(MaildirMailbox origin, Set<Long> ownExpunged) throws IOException, StoreException {
        long placedBefore = deliveries.get(); // files of these tickets are in new/ or cur/ already
        if (!Files.isDirectory(maildir.resolve("cur"))) {
            LOG.info("{}: mailbox deleted or renamed by another process; closing its sessions", maildir);
            closeHandles();
            throw new StoreException(StoreException.Reason.NOT_FOUND, "mailbox no longer exists");
        }
        MaildirSync.State st = syncer.sync();
        UidList list = st.list();
        if (initialized && list.uidValidity() != validity) {
            LOG.warn("{}: UIDVALIDITY changed from {} to {} (index rebuilt); closing its sessions",
                    maildir, validity, list.uidValidity());
            // Handles that told a client the old UIDVALIDITY cannot go on; fresh ones can.
            for (MaildirMailbox h : handles) {
                if (h.seenValidity() != 0) {
                    handles.remove(h);
                    h.markClosed();
                }
            }
            known.clear();
            initialized = false;
        }
        validity = list.uidValidity();
        Set<Long> listed = new HashSet<>();
        Map<Long, UidList.Record> records = new HashMap<>();
        for (UidList.Record r : list.records()) {
            listed.add(r.uid());
            records.put(r.uid(), r);
        }
        ModSeqRecorder.record(modseqs, uidlist, list, st.messages(), listed);
        Changes.Builder ch = new Changes.Builder();
        TreeMap<Long, Entry> next = new TreeMap<>();
        for (MaildirSync.Message m : st.messages()) {
            Entry old = known.get(m.uid());
            ModSeqLog.Rec rec = modseqs.records().get(m.uid());
            long modSeq = rec == null ? Math.max(1, modseqs.highest()) : rec.modSeq();
            Entry e = old != null && old.file().base().equals(m.file().base()) ? old.at(m.file(), modSeq)
                    : EntryReader.describe(maildir, m, records.get(m.uid()), modSeq);
            if (e == null) {
                continue; // vanished while we looked: the next sync knows more
            }
            next.put(e.uid(), e);
            if (old == null) {
                ch.added.add(e);
            } else if (!old.letters().equals(e.letters()) || old.modSeq() != e.modSeq()) {
                ch.flagsChanged.add(e);
            }
        }
        for (Entry old : known.values()) {
            if (!next.containsKey(old.uid())) {
                if (listed.contains(old.uid())) {
                    next.put(old.uid(), old); // not seen in an unsettled scan: still there
                } else {
                    ch.expunged.add(old.uid());
                }
            }
        }
        known.clear();
        known.putAll(next);
        announced = Math.max(announced, placedBefore);
        if (!initialized) {
            initialized = true;
            firstUnclaimed = list.nextUid();
            for (Entry e : known.values()) {
                if (e.file().inNew()) { // new/ holds what no client has seen yet
                    firstUnclaimed = Math.min(firstUnclaimed, e.uid());
                }
            }
        } else {
            forget(ch.expunged);
            List<Long> own = new ArrayList<>();
            List<Long> others = new ArrayList<>();
            for (Long uid : ch.expunged) {
                (ownExpunged.contains(uid) ? own : others).add(uid);
            }
            publish(origin, Changes.expunged(own));
            publish(null, new Changes(List.copyOf(ch.added), others, List.copyOf(ch.flagsChanged)));
        }
        return new ArrayList<>(known.values());
    }

    /** Records entries a handle added or changed on disk (they are not news to the next sync). */
    void record(Collection<Entry> entries) {
        if (initialized) {
            for (Entry e : entries) {
                known.put(e.uid(), e);
            }
        }
    }

    /** Records UIDs a handle expunged. */
    void forget(Collection<Long> uids) {
        for (Long uid : uids) {
            known.remove(uid);
        }
        for (MaildirMailbox h : handles) {
            h.forgetRecent(uids);
        }
    }

    /** Passes changes to the listeners of every handle but {@code origin}, and claims \Recent. */
    void publish(MaildirMailbox origin, Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        KeywordTable table;
        try {
            table = keywords.read();
        } catch (IOException e) {
            LOG.warn("{}: reading {}: {}", maildir, KeywordsFile.NAME, e.toString());
            table = KeywordTable.EMPTY;
        }
        for (MaildirMailbox h : handles) {
            if (h != origin && h.hasListeners()) {
                if (!changes.added().isEmpty() && !h.readOnly()) {
                    claim(h, changes.added());
                }
                h.deliver(changes, table);
            }
        }
    }

    /** Makes every unclaimed entry \Recent for {@code h} (a read-write handle), as IMAP says. */
    void claim(MaildirMailbox h, Collection<Entry> entries) {
        long max = -1;
        List<Long> mine = new ArrayList<>();
        for (Entry e : entries) {
            if (e.uid() >= firstUnclaimed) {
                mine.add(e.uid());
                max = Math.max(max, e.uid());
            }
        }
        if (max < 0) {
            return;
        }
        h.addRecent(mine);
        firstUnclaimed = max + 1;
        moveSeenToCur(mine);
    }

    /** Like Dovecot: a message seen by a client leaves new/ for cur/ (the flags stay). */
    private void moveSeenToCur(List<Long> uids) {
        for (Long uid : uids) {
            Entry e = known.get(uid);
            if (e == null || !e.file().inNew()) {
                continue;
            }
            MaildirScanner.Found to = new MaildirScanner.Found(e.file().base(),
                    MaildirFilename.parse(e.file().fileName()).withFlagChars(e.letters()).fileName(), false);
            try {
                Files.move(e.file().path(maildir), to.path(maildir));
                known.put(uid, e.at(to, e.modSeq()));
            } catch (IOException ex) {
                LOG.debug("{}: leaving {} in new/: {}", maildir, e.file().fileName(), ex.toString());
            }
        }
    }

    /** Whether {@code uid} is \Recent for a handle. */
    boolean isRecent(MaildirMailbox h, long uid) {
        return h.readOnly() ? uid >= firstUnclaimed : h.hasRecent(uid);
    }

    /** Ends every handle (deleted, renamed, rebuilt, store stopping): their listeners hear closed(). */
    void closeHandles() {
        for (MaildirMailbox h : handles) {
            h.markClosed();
        }
        handles.clear();
    }
}
