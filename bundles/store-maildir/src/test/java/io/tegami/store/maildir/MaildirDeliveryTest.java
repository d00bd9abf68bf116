package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.contract.RecordingListener;
import io.tegami.api.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mailbox.deliver on a Maildir: into new/ without the uidlist, numbered by the next reader. */
class MaildirDeliveryTest {

    static final String MAIL = MaildirMailboxTest.MAIL;

    @TempDir
    Path tmp;
    MaildirStore store;
    User alice;
    Path maildir;

    @BeforeEach
    void setUp() {
        store = new MaildirStore(new FakeMailParameters(tmp));
        alice = new User("alice", -1, -1, tmp.resolve("home/alice"), Map.of());
        maildir = tmp.resolve("home/alice/Maildir");
    }

    private void deliver(String text, String... flags) throws Exception {
        try (MailboxSession s = store.open(alice); Mailbox inbox = s.open("INBOX")) {
            inbox.deliver(MaildirMailboxTest.mail(text), Set.of(flags), MaildirMailboxTest.DATE);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aDeliveryLandsInNewWithSizesAndLeavesTheUidlistToTheNextReader() throws Exception {
        try (MailboxSession s = store.open(alice); Mailbox inbox = s.open("INBOX")) {
            inbox.messages(); // the uidlist exists before the delivery
        }
        String before = Files.readString(maildir.resolve(UidListFile.NAME));
        deliver(MAIL);

        List<Path> fresh = files(maildir.resolve("new"));
        assertEquals(1, fresh.size());
        String name = fresh.get(0).getFileName().toString();
        MaildirFilename fn = MaildirFilename.parse(name);
        assertEquals(MAIL.replace("\r\n", "\n").length(), fn.field('S').orElseThrow());
        assertEquals(MAIL.length(), fn.field('W').orElseThrow());
        assertEquals(MaildirMailboxTest.DATE, Files.getLastModifiedTime(fresh.get(0)).toInstant());
        assertEquals(List.of(), files(maildir.resolve("tmp")));
        assertEquals(before, Files.readString(maildir.resolve(UidListFile.NAME)), "the uidlist is not touched");
        assertFalse(Files.exists(maildir.resolve(UidListFile.NAME + ".lock")));

        try (MailboxSession s = store.open(alice); Mailbox inbox = s.open("INBOX")) {
            List<MessageInfo> list = inbox.messages();
            assertEquals(1, list.size());
            assertTrue(list.get(0).recent());
            assertTrue(Files.readString(maildir.resolve(UidListFile.NAME)).contains(":" + fn.base()),
                    "numbered by the reader");
        }
    }

    @Test
    void systemFlagsGoToCurAndKeywordsAreAppended() throws Exception {
        deliver(MAIL, Flags.SEEN, Flags.ANSWERED);
        List<Path> cur = files(maildir.resolve("cur"));
        assertEquals(1, cur.size());
        assertTrue(cur.get(0).getFileName().toString().endsWith(":2,RS"), cur.toString());
        assertFalse(Files.exists(maildir.resolve(UidListFile.NAME)), "no uidlist yet: nothing numbered");

        deliver(MAIL, "Project");
        assertTrue(Files.readString(maildir.resolve(KeywordsFile.NAME)).contains("Project"));
        assertTrue(Files.exists(maildir.resolve(UidListFile.NAME)), "a keyword needs the lock: appended and numbered");
        try (MailboxSession s = store.open(alice); Mailbox inbox = s.open("INBOX")) {
            List<Set<String>> flags = inbox.messages().stream().map(MessageInfo::flags).toList();
            assertTrue(flags.contains(Set.of(Flags.SEEN, Flags.ANSWERED)), flags.toString());
            assertTrue(flags.contains(Set.of("Project")), flags.toString());
        }
    }

    @Test
    void aListeningSessionHearsOfADeliveryAtOnce() throws Exception {
        try (MailboxSession imap = store.open(alice); Mailbox watched = imap.open("INBOX")) {
            RecordingListener events = new RecordingListener();
            watched.addListener(events);
            watched.messages();
            deliver(MAIL);
            // No refresh(): the delivery announced itself, since someone was listening.
            assertEquals(1, events.addedUids().size(), "EXISTS without waiting for a refresh");
            assertTrue(events.added().get(0).recent());
            assertEquals(events.addedUids(), watched.messages().stream().map(MessageInfo::uid).toList());
        }
    }

    @Test
    void parallelDeliveriesWithAListenerAreEachAnnouncedOnceWithTheirOwnUid() throws Exception {
        int threads = 4;
        int each = 20;
        try (MailboxSession imap = store.open(alice); Mailbox watched = imap.open("INBOX")) {
            RecordingListener events = new RecordingListener();
            watched.addListener(events);
            watched.messages();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    jobs.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            deliver(MAIL);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : jobs) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(threads * each, events.added().size(), "each delivery announced exactly once");
            assertEquals(threads * each, new HashSet<>(events.addedUids()).size());
            assertEquals(events.addedUids().stream().sorted().toList(),
                    watched.messages().stream().map(MessageInfo::uid).toList());
        }
    }

    @Test
    void deliveriesWithoutListenersNeverTakeTheFolderLock() throws Exception {
        try (MailboxSession reader = store.open(alice); Mailbox inbox = reader.open("INBOX")) {
            inbox.messages(); // a handle without listeners (a POP3 session, say) is open
            FolderState st = store.registry().find(maildir);
            st.lock.lock(); // held by someone else for as long as the deliveries run
            try {
                ExecutorService pool = Executors.newSingleThreadExecutor();
                try {
                    pool.submit(() -> {
                        deliver(MAIL);
                        return null;
                    }).get(10, TimeUnit.SECONDS);
                } finally {
                    pool.shutdownNow();
                }
            } finally {
                st.lock.unlock();
            }
            assertEquals(1, inbox.messages().size());
        }
    }
}
