package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    private final FolderIndex index = new FolderIndex();
    final FlagSets flagSets = new FlagSets();
    /** Header sections for ENVELOPE, SEARCH, SORT and THREAD; needs no lock. */
    final HeaderCache headers = new HeaderCache();
    private volatile boolean initialized;
    private long validity;
    private final RecentBook recent = new RecentBook();
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

    FolderIndex index() {
        return index;
    }

    /**
     * Keeps the index usable for incremental syncs after a change of this JVM rewrote or
     * appended to the uidlist and the modseq log (see {@link FolderIndex#advance}); call with
     * the uidlist lock held, after {@link #record} of the entries.
     */
    void wrote(UidList before, long modSeqVersionBefore, UidList after) {
        index.advance(before, modSeqVersionBefore, after, modseqs.version());
    }

    boolean initialized() {
        return initialized;
    }

    long validity() {
        return validity;
    }

    Entry entry(Long uid) {
        return index.get(uid);
    }

    /** The number of messages as last synced (what keeping this state idle costs). */
    int size() {
        return index.size();
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
     * Makes UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ current. While the uidlist is the one the
     * index was built from they are read from it and the modseq log without scanning new/ and
     * cur/ (IMAP asks for them right after the message list, which has just scanned); files not
     * numbered yet will get UIDs from UIDNEXT on, so it stays right.
     */
    void syncCounters() throws IOException, StoreException {
        if (initialized && index.builtFrom(uidlist.read().orElse(null))) {
            modseqs.load(validity);
            return;
        }
        sync();
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
            if (!index.contains(uid)) {
                gone.add(uid);
            }
        }
        gone.sort(null);
        return gone;
    }

    /** The messages as last synced, in UID order (unmodifiable). */
    List<Entry> entriesSnapshot() {
        return index.entries();
    }

    private List<Entry> sync(MaildirMailbox origin, Set<Long> ownExpunged) throws IOException, StoreException {
        long placedBefore = deliveries.get(); // files of these tickets are in new/ or cur/ already
        long scanStart = System.currentTimeMillis();
        DirStamp stamp = DirStamp.read(maildir);
        if (stamp == null) {
            LOG.info("{}: mailbox deleted or renamed by another process; closing its sessions", maildir);
            closeHandles();
            throw new StoreException(StoreException.Reason.NOT_FOUND, "mailbox no longer exists");
        }
        if (initialized) {
            UidList current = uidlist.read().orElse(null);
            modseqs.load(validity); // changed by another process: its version moves
            if (index.fresh(stamp, current, modseqs.version()) || (placedBefore == announced
                    && index.freshAfterOwnChange(stamp, scanStart, current, modseqs.version()))) {
                announced = Math.max(announced, placedBefore);
                return index.entries();
            }
            Changes found = index.incremental(current, modseqs.version())
                    ? IncrementalSync.run(this, stamp, scanStart) : null;
            if (found != null) {
                announced = Math.max(announced, placedBefore);
                publish(null, found);
                return index.entries();
            }
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
            index.clear();
            initialized = false;
        }
        validity = list.uidValidity();
        Changes.Builder ch = FullSync.merge(this, st, list);
        index.scanned(stamp, scanStart, list, modseqs.version());
        announced = Math.max(announced, placedBefore);
        if (!initialized) {
            initialized = true;
            recent.start(list.nextUid(), index.values());
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
        return index.entries();
    }

    /**
     * After this JVM's own flag renames (the uidlist lock held, {@link #wrote} called): the
     * directories' stamp now carries nothing the index does not know, but for changes in the
     * same clock tick, which the next scan once it settles finds. Unannounced deliveries still
     * make the next sync scan.
     */
    void ownRenames() throws IOException {
        index.ownChange(DirStamp.read(maildir));
    }

    /** Records entries a handle added or changed on disk (they are not news to the next sync). */
    void record(Collection<Entry> entries) {
        if (initialized) {
            for (Entry e : entries) {
                index.put(e);
            }
        }
    }

    /** Records UIDs a handle expunged. */
    void forget(Collection<Long> uids) {
        for (Long uid : uids) {
            Entry gone = index.get(uid);
            if (gone != null) {
                headers.remove(gone.file().base());
            }
            index.remove(uid);
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
        List<Long> mine = recent.claim(entries);
        if (!mine.isEmpty()) {
            h.addRecent(mine);
            moveSeenToCur(mine);
        }
    }

    /** Like Dovecot: a message seen by a client leaves new/ for cur/ (the flags stay). */
    private void moveSeenToCur(List<Long> uids) {
        for (Long uid : uids) {
            Entry e = index.get(uid);
            if (e == null || !e.file().inNew()) {
                continue;
            }
            MaildirScanner.Found to = new MaildirScanner.Found(e.file().base(),
                    MaildirFilename.parse(e.file().fileName()).withFlagChars(e.letters()).fileName(), false);
            try {
                Files.move(e.file().path(maildir), to.path(maildir));
                index.put(e.at(to, e.modSeq()));
            } catch (IOException ex) {
                LOG.debug("{}: leaving {} in new/: {}", maildir, e.file().fileName(), ex.toString());
            }
        }
    }

    /** Whether {@code uid} is \Recent for a handle. */
    boolean isRecent(MaildirMailbox h, long uid) {
        return h.readOnly() ? recent.unclaimed(uid) : h.hasRecent(uid);
    }

    /** Ends every handle (deleted, renamed, rebuilt, store stopping): their listeners hear closed(). */
    void closeHandles() {
        for (MaildirMailbox h : handles) {
            h.markClosed();
        }
        handles.clear();
    }
}
