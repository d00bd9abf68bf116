package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several writers on one maildir: sessions in threads, locks left by other processes. */
class MaildirSharingTest {

    static final Instant DATE = MaildirMailboxTest.DATE;

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

    static InputStream mail(String text) {
        return MaildirMailboxTest.mail(text);
    }

    Mailbox inbox() throws StoreException {
        return store.open(alice).open("INBOX");
    }

    @Test
    void concurrentAppendsFromTwoSessionsGetDistinctUids() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = "message " + i + "\n";
                futures.add(pool.submit(() -> store.open(alice).open("INBOX").append(mail(body), Set.of(), DATE)));
            }
            List<Long> uids = new ArrayList<>();
            for (Future<Long> f : futures) {
                uids.add(f.get());
            }
            assertEquals(40, uids.stream().distinct().count());
        } finally {
            pool.shutdown();
        }
        List<MessageInfo> msgs = inbox().messages();
        assertEquals(40, msgs.size());
        assertEquals(40L, msgs.get(39).uid());
        assertFalse(Files.exists(maildir.resolve("dovecot-uidlist.lock")));
    }

    @Test
    void staleLockOfADeadProcessIsOverridden() throws Exception {
        Mailbox inbox = inbox();
        // A pid that cannot be alive on this host.
        Files.writeString(maildir.resolve("dovecot-uidlist.lock"), "2147483646:" + UniqueNames.host());
        assertEquals(1, inbox.append(mail("x\n"), Set.of(), DATE));
        assertFalse(Files.exists(maildir.resolve("dovecot-uidlist.lock")));
    }

    @Test
    void aLiveLockMakesWritersWait() throws Exception {
        store.open(alice);
        Path target = maildir.resolve("dovecot-uidlist");
        try (DotLock held = DotLock.acquire(target)) {
            IOException e = assertThrows(IOException.class, () -> DotLock.acquire(target,
                    java.time.Duration.ofMillis(200), DotLock.STALE));
            assertTrue(e.getMessage().contains("timed out"));
        }
        // an old lock from another host is stale after the timeout
        Path lock = maildir.resolve("dovecot-uidlist.lock");
        Files.writeString(lock, "1:elsewhere");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(600)));
        DotLock.acquire(target).close();
        assertFalse(Files.exists(lock));
    }

    @Test
    void messagesInMailboxesOpenedTwiceStayConsistent() throws Exception {
        Mailbox a = inbox();
        Mailbox b = inbox();
        a.append(mail("x\n"), Set.of(), DATE);
        b.setFlags(List.of(1L), Set.of(Flags.SEEN)); // b never listed: it has to find the file itself
        assertEquals(Set.of(Flags.SEEN), a.messages().get(0).flags());
        try (InputStream in = a.openMessage(1)) { // a's cached name is stale: found again
            assertEquals("x\r\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
