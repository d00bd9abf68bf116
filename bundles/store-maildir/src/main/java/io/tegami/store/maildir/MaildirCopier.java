package io.tegami.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.tegami.api.store.CopyResult;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMAP COPY between maildirs the way Dovecot does it: each message file is hard-linked into the
 * target's tmp/ under a new unique name (same inode, so the copy costs no space and keeps its
 * mtime, the INTERNALDATE), or copied when a link is impossible (another file system); then the
 * files are moved in and numbered as one append. Flags are re-encoded, since keyword letters
 * differ between folders. A target of another store gets the messages through its append().
 */
final class MaildirCopier {

    private static final Logger LOG = LoggerFactory.getLogger(MaildirCopier.class);

    private MaildirCopier() {
    }

    /**
     * Copies (or, with {@code moving}, copies for a move) messages into {@code target}. A copy
     * must fit the user's quota; a move within the quota changes no usage and is not checked,
     * unless it takes messages out of a mailbox the quota ignores.
     */
    static CopyResult copy(MaildirMailbox source, Collection<Long> uids, Mailbox target, boolean moving)
            throws StoreException {
        if (!(target instanceof MaildirMailbox t)) {
            return copyByStream(source, uids, target);
        }
        t.ensureWritable();
        FolderState from = source.state();
        // What to copy, under the source's lock; the links are made without holding any lock.
        List<Entry> entries = source.locked("copy", () -> {
            source.sync();
            List<Entry> out = new ArrayList<>();
            for (long uid : new TreeSet<>(uids)) {
                Entry e = from.entry(uid);
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        });
        long bytes = 0;
        for (Entry e : entries) {
            bytes += e.size();
        }
        if (!moving || t.quota().moveNeedsCheck(source.name(), t.name())) {
            t.quota().check(t.name(), bytes, entries.size(), false);
        }
        KeywordTable sourceKeywords;
        try {
            sourceKeywords = from.keywords.read();
        } catch (IOException e) {
            throw FsSupport.failure(source.name() + ": copy", e);
        }
        FolderState to = t.state();
        List<FolderWriter.Pending> pending = new ArrayList<>();
        List<Long> sourceUids = new ArrayList<>();
        try {
            for (Entry e : entries) {
                String unique = UniqueNames.next(Instant.now());
                Path tmp = to.maildir.resolve("tmp").resolve(unique);
                if (!place(from, e, tmp)) {
                    continue; // expunged meanwhile
                }
                Set<String> flags = MaildirFlags.decode(e.letters(), sourceKeywords);
                pending.add(new FolderWriter.Pending(tmp, UniqueNames.withSizes(unique, e.size(), e.vsize()), flags,
                        e.size(), e.vsize(), e.date()));
                sourceUids.add(e.uid());
            }
            List<Entry> added = t.locked("copy", () -> {
                if (to.initialized()) {
                    t.sync();
                }
                List<Entry> in = FolderWriter.add(to, pending);
                to.publish(t, Changes.added(in));
                return in;
            });
            TreeMap<Long, Long> map = new TreeMap<>();
            long addedBytes = 0;
            for (int i = 0; i < added.size(); i++) {
                map.put(sourceUids.get(i), added.get(i).uid());
                addedBytes += added.get(i).size();
            }
            t.quota().changed(t.name(), addedBytes, added.size());
            return new CopyResult(t.uidValidity(), map);
        } catch (IOException e) {
            throw FsSupport.failure(source.name() + ": copy to " + target.name(), e);
        } finally {
            for (FolderWriter.Pending p : pending) {
                FolderWriter.deleteQuietly(p.tmp());
            }
        }
    }

    /** Links (or copies) a message file to {@code tmp}; false if the message is gone. */
    private static boolean place(FolderState from, Entry e, Path tmp) throws IOException, StoreException {
        if (!Files.isDirectory(tmp.getParent())) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "target mailbox no longer exists");
        }
        MaildirScanner.Found f = e.file();
        for (int attempt = 0; attempt < 3 && f != null; attempt++) {
            Path src = f.path(from.maildir);
            try {
                Files.createLink(tmp, src);
                return true;
            } catch (NoSuchFileException ex) {
                if (!Files.isDirectory(tmp.getParent())) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, "target mailbox no longer exists");
                }
                f = MaildirScanner.scan(from.maildir).files().get(f.base()); // renamed: look again
            } catch (UnsupportedOperationException | FileSystemException ex) {
                if (ex instanceof NoSuchFileException) {
                    throw ex;
                }
                LOG.debug("cannot link {} ({}); copying", src, ex.toString());
                try {
                    Files.copy(src, tmp, StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException gone) {
                    f = MaildirScanner.scan(from.maildir).files().get(f.base());
                    continue;
                }
                Files.setLastModifiedTime(tmp, FileTime.from(e.date()));
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                return true;
            }
        }
        return false;
    }

    /** A copy into a mailbox of another store: stream each message through its append(). */
    private static CopyResult copyByStream(MaildirMailbox source, Collection<Long> uids, Mailbox target)
            throws StoreException {
        TreeMap<Long, Long> map = new TreeMap<>();
        for (MessageInfo m : source.messages(uids)) {
            try (InputStream in = source.openMessage(m.uid())) {
                Set<String> flags = Flags.storable(m.flags());
                map.put(m.uid(), target.append(in, flags, m.internalDate()));
            } catch (StoreException e) {
                if (e.reason() != StoreException.Reason.NOT_FOUND) {
                    throw e;
                }
            } catch (IOException e) {
                throw FsSupport.failure(source.name() + ": copy", e);
            }
        }
        return new CopyResult(target.uidValidity(), map);
    }
}
