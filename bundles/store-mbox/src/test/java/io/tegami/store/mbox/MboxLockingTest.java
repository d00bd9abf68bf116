package io.tegami.store.mbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dot-locks, fcntl locks against another process, and many writers at once. */
class MboxLockingTest {

    @TempDir
    Path base;

    private MboxStore store() {
        MapMailParameters params = MapMailParameters.of(base, "mail_spool_directory", base.resolve("spool").toString());
        return new MboxStore(params, new MboxLock.Settings(Duration.ofSeconds(20), DotLock.STALE));
    }

    private User alice() {
        return new User("alice", -1, -1, base.resolve("home/alice"), Map.of());
    }

    private Path inbox() {
        return base.resolve("spool/alice");
    }

    private long deliver(MboxStore store, String subject) throws Exception {
        try (MailboxSession s = store.open(alice()); Mailbox box = s.open("INBOX")) {
            return box.append(MboxFilesTest.text("Subject: " + subject + "\n\nbody " + subject + "\n"), Set.of(), null);
        }
    }

    @Test
    void aForeignDotlockIsWaitedForAndAStaleOneOverridden() throws Exception {
        MboxStore store = store();
        deliver(store, "first");
        Path lock = DotLock.lockFileFor(inbox());
        Files.writeString(lock, ""); // Postfix leaves its dotlocks empty
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            try {
                return deliver(store, "second");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(400);
        assertFalse(second.isDone(), "the delivery waits for the dotlock");
        Files.delete(lock);
        assertEquals(2L, second.get(10, TimeUnit.SECONDS));

        Files.writeString(lock, "12345:elsewhere");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(600)));
        assertEquals(3L, deliver(store, "third"), "a lock untouched for 10 minutes is stale");
        assertFalse(Files.exists(lock), "and removed after use");
    }

    @Test
    void anFcntlLockOfAnotherProcessIsHonoured() throws Exception {
        MboxStore store = store();
        deliver(store, "first");
        // python's lockf() is fcntl(F_SETLKW) on Linux: the lock Postfix and Dovecot take.
        Process holder;
        try {
            holder = new ProcessBuilder("python3", "-c",
                    "import fcntl,sys,time\nf=open(sys.argv[1],'r+')\nfcntl.lockf(f,fcntl.LOCK_EX)\n"
                            + "print('locked',flush=True)\ntime.sleep(1.5)\n", inbox().toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 is not installed");
            return;
        }
        assertEquals("locked", new String(holder.getInputStream().readNBytes(6)));
        long start = System.nanoTime();
        assertEquals(2L, deliver(store, "second"));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 900, "the delivery waited for the other process's fcntl lock (" + waited + " ms)");
        assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    void ourFcntlLockKeepsOthersOut() throws Exception {
        MboxStore store = store();
        deliver(store, "first");
        try (MboxLock locked = MboxLock.write(inbox(), MboxLock.Settings.DEFAULT)) {
            Process probe = new ProcessBuilder("python3", "-c",
                    "import fcntl,sys\nf=open(sys.argv[1],'r+')\n"
                            + "try:\n fcntl.lockf(f,fcntl.LOCK_EX|fcntl.LOCK_NB)\n print('free')\n"
                            + "except OSError:\n print('busy')\n", inbox().toString())
                    .redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes()).strip();
            probe.waitFor(10, TimeUnit.SECONDS);
            assumeTrue(!out.isEmpty() && !out.contains("Traceback") || out.equals("busy"), "python3 unavailable: " + out);
            assertEquals("busy", out, "another process sees our fcntl lock");
            assertTrue(Files.exists(DotLock.lockFileFor(inbox())), "and our dotlock");
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 is not installed");
        }
        assertFalse(Files.exists(DotLock.lockFileFor(inbox())));
    }

    @Test
    void changesAlwaysMoveTheMtimeSecondForward() throws Exception {
        Path f = base.resolve("mbox");
        Files.writeString(f, "");
        long second = System.currentTimeMillis() / 1000;
        FileTime before = FileTime.from(second, TimeUnit.SECONDS);
        Files.setLastModifiedTime(f, FileTime.from(second * 1000 + 300, TimeUnit.MILLISECONDS));
        MboxLock.markModified(f, before);
        assertEquals(second + 1, Files.getLastModifiedTime(f).to(TimeUnit.SECONDS),
                "a change within the second Dovecot may have recorded moves to the next one");
        FileTime bumped = Files.getLastModifiedTime(f);
        Files.setLastModifiedTime(f, FileTime.from(second, TimeUnit.SECONDS)); // the next write, still this second
        MboxLock.markModified(f, bumped);
        assertEquals(second + 2, Files.getLastModifiedTime(f).to(TimeUnit.SECONDS), "never back to a second already seen");
        Files.setLastModifiedTime(f, FileTime.from(second + 3, TimeUnit.SECONDS));
        MboxLock.markModified(f, FileTime.from(second + 2, TimeUnit.SECONDS));
        assertEquals(second + 3, Files.getLastModifiedTime(f).to(TimeUnit.SECONDS), "a later second is left alone");
        FileTime far = FileTime.from(second + 60, TimeUnit.SECONDS);
        Files.setLastModifiedTime(f, FileTime.from(second, TimeUnit.SECONDS));
        MboxLock.markModified(f, far);
        assertEquals(second, Files.getLastModifiedTime(f).to(TimeUnit.SECONDS), "never far ahead of the clock");
    }

    @Test
    void manyWritersAndAnExpungerAtOnce() throws Exception {
        MboxStore store = store();
        int writers = 6;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(deliver(store, "w" + id + "-" + i));
                    }
                    return mine;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
            assertEquals(writers * each, all.size(), "every delivery got its own UID");
        } finally {
            pool.shutdownNow();
        }
        // Another process's view: a fresh store, and the raw file.
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            List<MessageInfo> list = box.messages();
            assertEquals(writers * each, list.size());
        }
        try (FileChannel ch = FileChannel.open(inbox(), StandardOpenOption.READ)) {
            List<ScannedMessage> scanned = MboxScanner.scan(ch, ch.size(), ZoneOffset.UTC);
            assertEquals(writers * each, scanned.size());
            for (ScannedMessage m : scanned) {
                assertTrue(m.meta().xUid() != null, "every message has its X-UID in the file");
            }
        }
    }
}
