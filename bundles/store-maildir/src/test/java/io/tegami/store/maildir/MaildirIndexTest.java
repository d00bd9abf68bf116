package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder index: kept warm between sessions within a budget, trusted only while new/ and cur/
 * keep a settled stamp, brought up to date incrementally (renames, new files appended to the
 * uidlist) and rebuilt in full when files vanish.
 */
class MaildirIndexTest {

    @TempDir
    Path tmp;
    MaildirStore store;
    User alice;
    Path maildir;

    @BeforeEach
    void setUp() {
        store = new MaildirStore(MapMailParameters.of(tmp, "mail_location", "maildir:~/Maildir",
                MaildirStore.INDEX_CACHE, "10"));
        alice = new User("alice", -1, -1, tmp.resolve("home/alice"), Map.of());
        maildir = tmp.resolve("home/alice/Maildir");
    }

    @AfterEach
    void tearDown() {
        store.deactivate();
    }

    private MailboxSession session() throws Exception {
        return store.open(alice);
    }

    private int count(String folder) throws Exception {
        try (MailboxSession s = session(); Mailbox box = s.open(folder)) {
            return box.messages().size();
        }
    }

    /** Drops a file into new/ as another program would. */
    private Path deliverExternally(String name) throws Exception {
        Path tmpFile = maildir.resolve("tmp").resolve(name);
        Files.writeString(tmpFile, "Subject: " + name + "\n\nbody\n", StandardCharsets.UTF_8);
        return Files.move(tmpFile, maildir.resolve("new").resolve(name));
    }

    private static long append(Mailbox box, String subject) throws Exception {
        return box.append(MaildirMailboxTest.mail("Subject: " + subject + "\n\nbody\n"), Set.of(), null);
    }

    private static void setMtime(Path p, Instant t) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(t));
    }

    @Test
    void anIdleFolderStaysIndexedWithinTheBudget() throws Exception {
        try (MailboxSession s = session()) {
            s.create("Big");
            try (Mailbox inbox = s.open("INBOX"); Mailbox big = s.open("Big")) {
                for (int i = 0; i < 4; i++) {
                    append(inbox, "in " + i);
                }
                for (int i = 0; i < 11; i++) {
                    append(big, "big " + i);
                }
                inbox.messages();
                big.messages();
            }
        }
        assertNotNull(store.registry().find(maildir), "4 messages fit a budget of 10: kept");
        assertNull(store.registry().find(maildir.resolve(".Big")), "11 messages do not: dropped");
        assertEquals(4, store.registry().idleMessages());
        FolderState kept = store.registry().find(maildir);
        assertEquals(4, count("INBOX"));
        assertSame(kept, store.registry().find(maildir), "the next session used the warm state");
    }

    @Test
    void aStampReadInTheSameInstantAsAChangeIsNeverTrusted() throws Exception {
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            append(box, "one");
            box.messages(); // \Recent claimed: the file moves from new/ to cur/
        }
        Path newDir = maildir.resolve("new");
        Instant now = Instant.now();
        setMtime(newDir, now);
        setMtime(maildir.resolve("cur"), now.minusSeconds(60));
        assertEquals(1, count("INBOX"));
        // Another program adds a file within the same clock tick: new/'s mtime does not move.
        deliverExternally("1.M1P1.other");
        setMtime(newDir, now);
        assertEquals(2, count("INBOX"), "a stamp as recent as the scan proves nothing: scanned again");
    }

    @Test
    void aSettledStampSparesTheScan() throws Exception {
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            append(box, "one");
            box.messages(); // \Recent claimed: the file moves from new/ to cur/
        }
        Instant past = Instant.now().minusSeconds(60);
        setMtime(maildir.resolve("new"), past);
        setMtime(maildir.resolve("cur"), past);
        assertEquals(1, count("INBOX"));
        // A change hidden from the stamp (mtime put back) is not seen: proof that no scan ran.
        deliverExternally("2.M2P2.other");
        setMtime(maildir.resolve("new"), past);
        assertEquals(1, count("INBOX"));
        setMtime(maildir.resolve("new"), Instant.now().minusSeconds(30));
        assertEquals(2, count("INBOX"), "the stamp moved: scanned");
    }

    @Test
    void externalRenamesAndDeliveriesAreAppliedWithoutRewritingTheUidlist() throws Exception {
        long first;
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            first = append(box, "one");
            append(box, "two");
            box.messages();
        }
        Path uidlist = maildir.resolve(UidListFile.NAME);
        Object inode = Files.readAttributes(uidlist, BasicFileAttributes.class).fileKey();
        long size = Files.size(uidlist);
        long modSeq;
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            modSeq = box.highestModSeq();
        }
        // mutt marks the first message seen (a rename in cur/) and procmail delivers one
        Path cur = maildir.resolve("cur");
        String base = firstBase(first);
        try (var files = Files.list(cur)) {
            Path f = files.filter(p -> p.getFileName().toString().startsWith(base)).findFirst().orElseThrow();
            Files.move(f, cur.resolve(f.getFileName() + "S"));
        }
        deliverExternally("9999999999.M1P3.other");
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            List<MessageInfo> list = box.messages();
            assertEquals(3, list.size());
            assertEquals(Set.of(Flags.SEEN), list.get(0).flags());
            assertTrue(list.get(0).modSeq() > modSeq, "the flag change got a modseq");
            assertEquals(3, list.get(2).uid());
        }
        assertEquals(inode, Files.readAttributes(uidlist, BasicFileAttributes.class).fileKey(),
                "the uidlist was appended to, not replaced");
        assertTrue(Files.size(uidlist) > size);
        assertEquals(3, UidListCodec.parse(Files.readString(uidlist)).records().size());
    }

    private String firstBase(long uid) throws Exception {
        for (UidList.Record r : UidListCodec.parse(Files.readString(maildir.resolve(UidListFile.NAME))).records()) {
            if (r.uid() == uid) {
                return r.base();
            }
        }
        throw new AssertionError("no UID " + uid);
    }

    @Test
    void aFileRemovedByAnotherProgramIsExpungedAndDroppedFromTheUidlist() throws Exception {
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            append(box, "one");
            append(box, "two");
            box.messages();
        }
        try (var files = Files.list(maildir.resolve("cur"))) {
            Files.delete(files.findFirst().orElseThrow());
        }
        Object inode = Files.readAttributes(maildir.resolve(UidListFile.NAME), BasicFileAttributes.class).fileKey();
        assertEquals(1, count("INBOX"));
        assertNotEquals(inode, Files.readAttributes(maildir.resolve(UidListFile.NAME), BasicFileAttributes.class).fileKey(),
                "records of vanished files are dropped by a rewrite");
        assertEquals(1, UidListCodec.parse(Files.readString(maildir.resolve(UidListFile.NAME))).records().size());
    }

    @Test
    void ownAppendsAppendToTheUidlist() throws Exception {
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            append(box, "one");
            Object inode = Files.readAttributes(maildir.resolve(UidListFile.NAME), BasicFileAttributes.class).fileKey();
            for (int i = 0; i < 5; i++) {
                append(box, "more " + i);
            }
            assertEquals(inode, Files.readAttributes(maildir.resolve(UidListFile.NAME), BasicFileAttributes.class).fileKey());
            assertEquals(6, box.messages().size());
            assertEquals(7, box.uidNext());
        }
    }
    @Test
    void aFlagChangeThatChangesNothingWritesNothingAndTakesNoLock() throws Exception {
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            deliverExternally("1.a.host");
            long uid = box.messages().get(0).uid();
            box.addFlags(List.of(uid), Set.of(Flags.FLAGGED, "$Work"));
            long modSeq = box.highestModSeq();
            byte[] log = Files.readAllBytes(maildir.resolve(ModSeqLog.NAME));
            // Held by this (live) process: a change would wait for it, one that changes nothing must not.
            Path lock = maildir.resolve("dovecot-uidlist.lock");
            Files.writeString(lock, UniqueNames.pid() + ":" + UniqueNames.host());
            long start = System.nanoTime();
            List<MessageInfo> same = box.addFlags(List.of(uid, 999L), Set.of(Flags.FLAGGED, "$work"));
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "answered without waiting for the lock");
            assertEquals(1, same.size());
            assertEquals(Set.of(Flags.FLAGGED, "$Work"), same.get(0).flags());
            assertEquals(modSeq, same.get(0).modSeq(), "no new modseq");
            assertEquals(1, box.removeFlags(List.of(uid), Set.of(Flags.SEEN)).size());
            assertEquals(1, box.setFlags(List.of(uid), Set.of("$Work", Flags.FLAGGED)).size());
            assertEquals(modSeq, box.highestModSeq());
            assertEquals(List.of(uid), box.updateFlags(List.of(uid), io.tegami.api.store.FlagMode.ADD,
                    Set.of(Flags.FLAGGED), modSeq - 1).refused(), "UNCHANGEDSINCE still refuses");
            assertEquals(new String(log, StandardCharsets.UTF_8),
                    Files.readString(maildir.resolve(ModSeqLog.NAME)), "nothing logged");
            Files.delete(lock);
            box.removeFlags(List.of(uid), Set.of(Flags.FLAGGED));
            assertNotEquals(modSeq, box.highestModSeq(), "a real change still gets its modseq");
        }
    }
}
