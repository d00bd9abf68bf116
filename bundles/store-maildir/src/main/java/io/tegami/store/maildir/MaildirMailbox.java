package io.tegami.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Maildir mailbox (tmp/ new/ cur/ plus Dovecot's control files). Message files keep LF line
 * endings; sizes reported are the stored sizes. The state kept here is only a cache of where
 * each UID's file was last seen: the disk is the truth, shared with Dovecot and mutt.
 */
final class MaildirMailbox implements Mailbox {

    private static final Logger LOG = LoggerFactory.getLogger(MaildirMailbox.class);
    private static final int RETRIES = 3;

    private final String name;
    private final Path maildir;
    private final UidListFile uidlist;
    private final KeywordsFile keywords;
    private final MaildirSync sync;
    private final Map<Long, MaildirScanner.Found> located = new HashMap<>();

    MaildirMailbox(String name, Path maildir, Path controlDir) {
        this.name = name;
        this.maildir = maildir;
        this.uidlist = new UidListFile(controlDir);
        this.keywords = new KeywordsFile(controlDir);
        this.sync = new MaildirSync(maildir, uidlist);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long uidValidity() throws StoreException {
        try {
            return sync.list().uidValidity();
        } catch (IOException e) {
            throw FsSupport.failure(name + ": reading " + UidListFile.NAME, e);
        }
    }

    @Override
    public long uidNext() throws StoreException {
        try {
            return sync.list().nextUid();
        } catch (IOException e) {
            throw FsSupport.failure(name + ": reading " + UidListFile.NAME, e);
        }
    }

    @Override
    public long append(InputStream content, Set<String> flags, Instant internalDate) throws StoreException {
        Set<String> wanted = flags == null ? Set.of() : flags;
        Instant date = internalDate == null ? Instant.now() : internalDate;
        String unique = UniqueNames.next(Instant.now());
        Path tmp = maildir.resolve("tmp").resolve(unique);
        try {
            MessageFileWriter.Sizes sizes = MessageFileWriter.write(tmp, content, date);
            String base = UniqueNames.withSizes(unique, sizes.size(), sizes.vsize());
            // The move into new/ or cur/ and the UID assignment happen under the uidlist lock, so
            // that no other writer's sync can number this file before we do.
            try (DotLock lock = uidlist.lock()) {
                KeywordTable table = keywords.define(MaildirFlags.keywords(wanted));
                String letters = MaildirFlags.encode(wanted, table, "");
                MaildirScanner.Found target = letters.isEmpty()
                        ? new MaildirScanner.Found(base, base, true)
                        : new MaildirScanner.Found(base, base + ":2," + letters, false);
                Path dest = target.path(maildir);
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
                FsSupport.fsyncDirectory(dest.getParent());
                UidList list = uidlist.read().map(UidList::upgraded)
                        .orElseGet(() -> UidList.create(UidValidity.next()));
                long uid = list.nextUid();
                uidlist.write(list.append(base));
                located.put(uid, target);
                LOG.debug("{}: appended {} as UID {}", maildir, target.fileName(), uid);
                return uid;
            }
        } catch (IOException e) {
            throw FsSupport.failure(name + ": append", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    @Override
    public List<MessageInfo> messages() throws StoreException {
        try {
            for (int attempt = 1; ; attempt++) {
                List<MessageInfo> result = readMessages(attempt == RETRIES);
                if (result != null) {
                    return result;
                }
            }
        } catch (IOException e) {
            throw FsSupport.failure(name + ": listing messages", e);
        }
    }

    /** The messages, or null if a file moved while we read it and another pass is worth it. */
    private List<MessageInfo> readMessages(boolean lastAttempt) throws IOException {
        MaildirSync.State state = refresh();
        KeywordTable table = keywords.read();
        List<MessageInfo> result = new ArrayList<>(state.messages().size());
        for (MaildirSync.Message m : state.messages()) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(m.file().path(maildir), BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                if (!lastAttempt) {
                    return null; // renamed (flags) or expunged by another client just now
                }
                continue;
            }
            MaildirFilename fn = MaildirFilename.parse(m.file().fileName());
            long size = fn.field('S').orElse(attrs.size());
            result.add(new MessageInfo(m.uid(), size, attrs.lastModifiedTime().toInstant(),
                    MaildirFlags.decode(fn.flagChars(), table)));
        }
        return result;
    }

    @Override
    public InputStream openMessage(long uid) throws StoreException {
        try {
            for (int attempt = 1; ; attempt++) {
                MaildirScanner.Found f = locate(uid, attempt > 1);
                try {
                    return Files.newInputStream(f.path(maildir));
                } catch (NoSuchFileException e) {
                    if (attempt == RETRIES) {
                        throw notFound(uid);
                    }
                }
            }
        } catch (IOException e) {
            throw FsSupport.failure(name + ": reading UID " + uid, e);
        }
    }

    @Override
    public void setFlags(long uid, Set<String> flags) throws StoreException {
        Set<String> wanted = flags == null ? Set.of() : flags;
        try {
            KeywordTable table = keywordsFor(wanted);
            for (int attempt = 1; ; attempt++) {
                MaildirScanner.Found f = locate(uid, attempt > 1);
                MaildirFilename fn = MaildirFilename.parse(f.fileName());
                String letters = MaildirFlags.encode(wanted, table, fn.flagChars());
                MaildirScanner.Found target = new MaildirScanner.Found(f.base(),
                        fn.withFlagChars(letters).fileName(), false);
                if (target.equals(f)) {
                    return;
                }
                try {
                    // A flag change is a rename; like Dovecot's default fsync_mode we do not
                    // fsync it: after a crash the message is intact, at worst with old flags.
                    Files.move(f.path(maildir), target.path(maildir), StandardCopyOption.ATOMIC_MOVE);
                    located.put(uid, target);
                    return;
                } catch (NoSuchFileException e) {
                    if (attempt == RETRIES) {
                        throw notFound(uid);
                    }
                }
            }
        } catch (IOException e) {
            throw FsSupport.failure(name + ": setting flags of UID " + uid, e);
        }
    }

    @Override
    public List<Long> expunge() throws StoreException {
        try {
            MaildirSync.State before = refresh();
            List<Long> removed = new ArrayList<>();
            for (MaildirSync.Message m : before.messages()) {
                if (MaildirFilename.parse(m.file().fileName()).flagChars().indexOf('T') >= 0) {
                    try {
                        Files.delete(m.file().path(maildir));
                    } catch (NoSuchFileException e) {
                        // renamed or removed meanwhile: the sync below tells which
                    }
                    removed.add(m.uid());
                }
            }
            if (removed.isEmpty()) {
                return removed;
            }
            FsSupport.fsyncDirectory(maildir.resolve("cur"));
            FsSupport.fsyncDirectory(maildir.resolve("new"));
            MaildirSync.State after = refresh(); // drops the deleted files' records
            for (MaildirSync.Message m : after.messages()) {
                removed.remove(m.uid());
            }
            return removed;
        } catch (IOException e) {
            throw FsSupport.failure(name + ": expunge", e);
        }
    }

    private MaildirSync.State refresh() throws IOException {
        MaildirSync.State state = sync.sync();
        located.clear();
        for (MaildirSync.Message m : state.messages()) {
            located.put(m.uid(), m.file());
        }
        return state;
    }

    /** Where a UID's file is: the cached place, or after a fresh scan when asked or unknown. */
    private MaildirScanner.Found locate(long uid, boolean rescan) throws IOException, StoreException {
        MaildirScanner.Found f = rescan ? null : located.get(uid);
        if (f == null) {
            refresh();
            f = located.get(uid);
        }
        if (f == null) {
            throw notFound(uid);
        }
        return f;
    }

    /** The keyword table with letters for every keyword in {@code flags}, defining new ones. */
    private KeywordTable keywordsFor(Set<String> flags) throws IOException {
        KeywordTable table = keywords.read();
        List<String> missing = new ArrayList<>();
        for (String k : MaildirFlags.keywords(flags)) {
            if (table.letter(k) == 0) {
                missing.add(k);
            }
        }
        if (missing.isEmpty()) {
            return table;
        }
        try (DotLock lock = uidlist.lock()) { // Dovecot's rule for dovecot-keywords
            return keywords.define(missing);
        }
    }

    private StoreException notFound(long uid) {
        return new StoreException(StoreException.Reason.NOT_FOUND, name + ": no message with UID " + uid);
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", tmp, e.toString());
        }
    }
}
