package io.tegami.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;
import io.tegami.api.store.Flags;
import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes a handle makes to its folder: append, flags, expunge. Each runs under the folder
 * lock (this JVM) and takes the {@code dovecot-uidlist} dot-lock (other processes) where UIDs,
 * keywords or modseqs are written, then records the result in the {@link FolderState} and
 * passes it to the folder's other handles.
 */
final class FolderWriter {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWriter.class);
    private static final int RETRIES = 3;

    private FolderWriter() {
    }

    /**
     * Streams a message into tmp/, fsyncs it, then moves it to new/ (or cur/ with flags) and numbers
     * it, if the user's quota has room for it.
     *
     * @param delivery a delivery (with {@code quota_grace}) rather than an IMAP APPEND
     */
    static Entry append(MaildirMailbox box, InputStream content, Set<String> flags, Instant date, boolean delivery)
            throws StoreException {
        FolderState st = box.state();
        Set<String> wanted = Flags.storable(flags);
        String unique = UniqueNames.next(Instant.now());
        Path tmp = st.maildir.resolve("tmp").resolve(unique);
        try {
            // Written before any lock is taken: a slow client or a big message holds up nobody.
            MessageFileWriter.Sizes sizes = MessageFileWriter.write(tmp, content, date);
            box.quota().check(box.name(), sizes.size(), 1, delivery);
            String base = UniqueNames.withSizes(unique, sizes.size(), sizes.vsize());
            Entry added = box.locked("append", () -> {
                if (st.initialized()) {
                    box.sync(); // others' news first, so that listeners see UIDs ascend
                }
                Entry e = add(st, List.of(new Pending(tmp, base, wanted, sizes.size(), sizes.vsize(), date))).get(0);
                st.publish(box, Changes.added(List.of(e)));
                return e;
            });
            box.quota().changed(box.name(), sizes.size(), 1);
            return added;
        } catch (IOException e) {
            throw FsSupport.failure(box.name() + ": append", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** A message file waiting in tmp/ to be added. */
    record Pending(Path tmp, String base, Set<String> flags, long size, long vsize, Instant date) {
    }

    /**
     * Moves files from tmp/ into the folder and gives them the next UIDs, in order, under the
     * uidlist lock (so that no other writer's sync numbers them first). The folder lock is held.
     */
    static List<Entry> add(FolderState st, List<Pending> files) throws IOException {
        List<Entry> out = new ArrayList<>(files.size());
        try (DotLock lock = st.uidlist.lock()) {
            Set<String> kw = new HashSet<>();
            files.forEach(p -> kw.addAll(MaildirFlags.keywords(p.flags())));
            KeywordTable table = st.keywords.define(new ArrayList<>(kw));
            UidList before = st.uidlist.read().orElse(null);
            UidList list = before == null ? UidList.create(UidValidity.next()) : before.upgraded();
            long modSeqVersion = st.modseqs.version();
            Map<Long, String> letters = new LinkedHashMap<>();
            Set<Path> dirs = new HashSet<>();
            List<MaildirScanner.Found> placed = new ArrayList<>();
            List<String> bases = new ArrayList<>();
            long uid = list.nextUid();
            for (Pending p : files) {
                String l = MaildirFlags.encode(p.flags(), table, "");
                MaildirScanner.Found target = l.isEmpty() ? new MaildirScanner.Found(p.base(), p.base(), true)
                        : new MaildirScanner.Found(p.base(), p.base() + ":2," + l, false);
                Path dest = target.path(st.maildir);
                Files.move(p.tmp(), dest, StandardCopyOption.ATOMIC_MOVE);
                dirs.add(dest.getParent());
                placed.add(target);
                letters.put(uid++, l);
                bases.add(p.base());
            }
            for (Path d : dirs) {
                FsSupport.fsyncDirectory(d);
            }
            UidList written = list.appendAll(bases);
            if (before == null) {
                st.uidlist.write(written);
            } else {
                st.uidlist.append(before, written); // a rewrite when the list had to be upgraded
            }
            list = written;
            long modSeq = nextModSeq(st, list);
            st.modseqs.append(list.uidValidity(), modSeq, letters, List.of());
            int i = 0;
            for (Map.Entry<Long, String> m : letters.entrySet()) {
                Pending p = files.get(i);
                out.add(new Entry(m.getKey(), placed.get(i), p.size(), p.vsize(), p.date(), modSeq));
                i++;
            }
            st.record(out);
            st.wrote(before, modSeqVersion, list);
        }
        return out;
    }

    /** The modseq for a change now; starts the log if the folder has none. The uidlist lock is held. */
    static long nextModSeq(FolderState st, UidList list) throws IOException {
        st.modseqs.load(list.uidValidity());
        if (!st.modseqs.valid(list.uidValidity())) {
            st.modseqs.create(list.uidValidity(), ModSeqRecorder.startModSeq(list), Map.of());
        }
        return st.modseqs.next();
    }

    static FlagUpdate updateFlags(MaildirMailbox box, Collection<Long> uids, FlagMode mode, Set<String> flags,
            long unchangedSince) throws StoreException {
        FolderState st = box.state();
        Set<String> wanted = Flags.storable(flags);
        return box.locked("storing flags", () -> {
            box.sync();
            FlagUpdate none = UnchangedFlags.answer(box, st, uids, mode, wanted, unchangedSince);
            if (none != null) {
                return none;
            }
            List<Entry> updated = new ArrayList<>();
            List<Long> refused = new ArrayList<>();
            List<Entry> changed = new ArrayList<>();
            try (DotLock lock = st.uidlist.lock()) {
                KeywordTable table = mode == FlagMode.REMOVE ? st.keywords.read()
                        : st.keywords.define(MaildirFlags.keywords(wanted));
                String wantedLetters = MaildirFlags.encode(wanted, table, "");
                UidList list = st.uidlist.read().orElseThrow(() -> new IOException(UidListFile.NAME + " vanished"));
                st.modseqs.load(list.uidValidity());
                long modSeqVersion = st.modseqs.version();
                long modSeq = nextModSeq(st, list);
                Map<Long, String> letters = new LinkedHashMap<>();
                for (long uid : new TreeSet<>(uids)) {
                    Entry e = st.entry(uid);
                    if (e == null) {
                        continue;
                    }
                    if (e.modSeq() > unchangedSince) {
                        refused.add(uid);
                        continue;
                    }
                    Entry now = rename(st, e, mode, wanted, wantedLetters, table, modSeq);
                    if (now == null) {
                        continue; // expunged by another program meanwhile
                    }
                    if (now == e) {
                        updated.add(e);
                    } else {
                        updated.add(now);
                        changed.add(now);
                        letters.put(uid, now.letters());
                    }
                }
                if (!letters.isEmpty()) {
                    st.modseqs.append(list.uidValidity(), modSeq, letters, List.of());
                }
                st.record(changed);
                st.wrote(list, modSeqVersion, list);
                if (!changed.isEmpty()) {
                    st.ownRenames();
                }
            }
            st.publish(box, Changes.flags(changed));
            KeywordTable table = st.keywords.read();
            return new FlagUpdate(updated.stream().map(e -> box.info(e, table)).toList(), refused);
        });
    }

    /** Renames a message's file to carry its new flags; the entry itself if nothing changes, null if it is gone. */
    private static Entry rename(FolderState st, Entry e, FlagMode mode, Set<String> wanted, String wantedLetters,
            KeywordTable table, long modSeq) throws IOException {
        Entry cur = e;
        for (int attempt = 1; attempt <= RETRIES; attempt++) {
            MaildirFilename fn = MaildirFilename.parse(cur.file().fileName());
            String letters = switch (mode) {
                case REPLACE -> MaildirFlags.encode(wanted, table, fn.flagChars());
                case ADD -> union(fn.flagChars(), wantedLetters);
                case REMOVE -> minus(fn.flagChars(), wantedLetters);
            };
            if (letters.equals(fn.flagChars())) {
                return cur == e ? e : cur.at(cur.file(), modSeq);
            }
            MaildirScanner.Found to = new MaildirScanner.Found(cur.file().base(), fn.withFlagChars(letters).fileName(), false);
            try {
                // Like Dovecot's default fsync_mode a flag change (a rename) is not fsync'd: after
                // a crash the message is intact, at worst with its old flags.
                Files.move(cur.file().path(st.maildir), to.path(st.maildir), StandardCopyOption.ATOMIC_MOVE);
                return cur.at(to, modSeq);
            } catch (NoSuchFileException ex) {
                // renamed by Dovecot or mutt (they change flags without the uidlist lock): find it
                MaildirScanner.Found now = MaildirScanner.scan(st.maildir).files().get(cur.file().base());
                if (now == null) {
                    return null;
                }
                cur = cur.at(now, cur.modSeq());
            }
        }
        throw new IOException("flags of " + e.file().base() + " keep changing under us");
    }

    static String union(String a, String b) {
        TreeSet<Character> s = new TreeSet<>();
        a.chars().forEach(c -> s.add((char) c));
        b.chars().forEach(c -> s.add((char) c));
        StringBuilder out = new StringBuilder();
        s.forEach(out::append);
        return out.toString();
    }

    static String minus(String a, String b) {
        StringBuilder out = new StringBuilder();
        a.chars().filter(c -> b.indexOf(c) < 0).forEach(c -> out.append((char) c));
        return out.toString();
    }

    /**
     * Deletes the files of \Deleted messages (of {@code uids}, or all with null; with {@code force}
     * whatever their flags, for MOVE), then lets a sync drop them from the uidlist and log them.
     */
    static List<Long> expunge(MaildirMailbox box, Collection<Long> uids, boolean force) throws StoreException {
        FolderState st = box.state();
        return box.locked("expunge", () -> {
            box.sync();
            Set<Long> only = uids == null ? null : new HashSet<>(uids);
            List<Long> removed = new ArrayList<>();
            long bytes = 0;
            int unlinked = 0;
            for (Entry e : box.state().entriesSnapshot()) {
                if ((only == null || only.contains(e.uid())) && (force || e.letters().indexOf('T') >= 0)) {
                    int how = delete(st, e, force);
                    if (how != KEPT) {
                        removed.add(e.uid());
                    }
                    if (how == UNLINKED) { // what another program removed is its to account for
                        bytes += e.size();
                        unlinked++;
                    }
                }
            }
            if (removed.isEmpty()) {
                return removed;
            }
            box.quota().changed(box.name(), -bytes, -unlinked);
            FsSupport.fsyncDirectory(st.maildir.resolve("cur"));
            FsSupport.fsyncDirectory(st.maildir.resolve("new"));
            List<Long> gone = st.syncOwnExpunge(box, removed);
            LOG.debug("{}: expunged {}", st.maildir, gone);
            return gone;
        });
    }

    private static final int KEPT = 0;
    private static final int UNLINKED = 1;
    private static final int GONE = 2;

    /**
     * Unlinks a message's file, following a rename by another program: {@link #UNLINKED},
     * {@link #GONE} if someone else expunged it, {@link #KEPT} if it is not ours to delete.
     */
    private static int delete(FolderState st, Entry e, boolean force) throws IOException {
        MaildirScanner.Found f = e.file();
        for (int attempt = 1; attempt <= RETRIES; attempt++) {
            try {
                Files.delete(f.path(st.maildir));
                return UNLINKED;
            } catch (NoSuchFileException ex) {
                f = MaildirScanner.scan(st.maildir).files().get(f.base());
                if (f == null) {
                    return GONE; // expunged by someone else: gone all the same
                }
                if (!force && MaildirFilename.parse(f.fileName()).flagChars().indexOf('T') < 0) {
                    return KEPT; // undeleted meanwhile
                }
            }
        }
        return KEPT;
    }

    static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", tmp, e.toString());
        }
    }
}
