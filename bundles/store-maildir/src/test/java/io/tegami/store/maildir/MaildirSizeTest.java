package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.Quota;
import io.tegami.api.store.QuotaException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maildir++ {@code maildirsize} file, written and trusted exactly as Dovecot's maildir quota backend does. */
class MaildirSizeTest {

    @TempDir
    Path tmp;
    MaildirStore store;
    Path maildir;
    Path file;

    @BeforeEach
    void setUp() {
        store = new MaildirStore(MapMailParameters.of(tmp, "mail_location", "maildir:~/Maildir",
                "quota_rule", "*:storage=100k:messages=50", "quota_rule2", "Trash:ignore"));
        maildir = tmp.resolve("home/alice/Maildir");
        file = maildir.resolve(MaildirSizeFile.NAME);
    }

    @AfterEach
    void tearDown() {
        store.deactivate();
    }

    private MailboxSession session(String... fields) throws Exception {
        Map<String, String> f = new java.util.HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            f.put(fields[i], fields[i + 1]);
        }
        return store.open(new User("alice", -1, -1, tmp.resolve("home/alice"), f));
    }

    private static long append(Mailbox box, int size) throws Exception {
        String text = "Subject: x\n\n" + "y".repeat(size - 13) + "\n";
        return box.append(MaildirMailboxTest.mail(text), Set.of(), null);
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(file, StandardCharsets.US_ASCII);
    }

    private Quota quota(MailboxSession s) throws Exception {
        return s.quota().orElseThrow();
    }

    @Test
    void theFileStartsWithACountAndGrowsByOneLinePerChange() throws Exception {
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            long uid = append(box, 1000);
            assertEquals(List.of("102400S,50C", "0 0", "1000 1"), lines());
            append(box, 2000);
            box.addFlags(List.of(uid), Set.of(Flags.DELETED));
            box.expunge();
            assertEquals(List.of("102400S,50C", "0 0", "1000 1", "2000 1", "-1000 -1"), lines());
            Quota q = quota(s);
            assertEquals(2000, q.storageUsed());
            assertEquals(1, q.messagesUsed());
            assertEquals(102400, q.storageLimit());
        }
    }

    @Test
    void limitsLineAsDovecotWritesIt() {
        assertEquals("1024S", MaildirSizeFile.limitsLine(1024, 0));
        assertEquals("10C", MaildirSizeFile.limitsLine(0, 10));
        assertEquals("1024S,10C", MaildirSizeFile.limitsLine(1024, 10));
        assertEquals("0S", MaildirSizeFile.limitsLine(0, 0));
    }

    @Test
    void ignoredFoldersAreNotCountedAndFilesWithoutSizeAreStatted() throws Exception {
        try (MailboxSession s = session()) {
            s.create("Trash");
            try (Mailbox trash = s.open("Trash")) {
                append(trash, 5000);
            }
            String handMade = "Subject: hand made\n\nabc\n";
            Files.writeString(maildir.resolve("cur/1.M1P1.mutt:2,S"), handMade); // no S= in its name
            long size = handMade.length();
            assertEquals(size, quota(s).storageUsed(), "counted: the file without S= by its size; Trash not at all");
            assertEquals(List.of("102400S,50C", size + " 1"), lines());
        }
    }

    @Test
    void forcedLimitsRewriteAFileWithOtherLimits() throws Exception {
        Files.createDirectories(maildir);
        Files.writeString(file, "999S\n10 1\n");
        try (MailboxSession s = session()) {
            assertEquals(0, quota(s).storageUsed(), "recounted: the old sums came with other limits");
            assertEquals(List.of("102400S,50C", "0 0"), lines());
        }
    }

    @Test
    void aNonForcedRuleTakesTheFilesLimits() throws Exception {
        Files.createDirectories(maildir);
        Files.writeString(file, "2048S,3C\n700 2\n");
        try (MailboxSession s = session("userdb_quota_rule", "?:storage=1G")) {
            Quota q = quota(s);
            assertEquals(2048, q.storageLimit());
            assertEquals(3, q.messagesLimit());
            assertEquals(700, q.storageUsed(), "the file's sums are trusted");
            assertEquals(2, q.messagesUsed());
        }
    }

    @Test
    void staleOverQuotaSumsAreRecountedNeverTrusted() throws Exception {
        Files.createDirectories(maildir.resolve("cur"));
        // over quota according to the file, with change lines: recount before refusing anything
        Files.writeString(file, "102400S,50C\n0 0\n200000 1\n");
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            append(box, 1000);
            assertEquals(List.of("102400S,50C", "0 0", "1000 1"), lines());
        }
        // over quota with only the summary line, but older than 15 minutes: recounted too
        Files.writeString(file, "102400S,50C\n200000 1\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(16 * 60)));
        try (MailboxSession s = session()) {
            assertEquals(1000, quota(s).storageUsed());
        }
        // a fresh summary line that says "over" is believed, as Dovecot believes it
        Files.writeString(file, "102400S,50C\n200000 1\n");
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            assertThrows(QuotaException.class, () -> append(box, 20));
        }
    }

    @Test
    void brokenOrLargeFilesAreRecounted() throws Exception {
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            append(box, 3000);
        }
        Files.writeString(file, "102400S,50C\nnot numbers\n");
        try (MailboxSession s = session()) {
            assertEquals(3000, quota(s).storageUsed());
        }
        StringBuilder big = new StringBuilder("102400S,50C\n3000 1\n");
        while (big.length() < MaildirSizeFile.MAX_SIZE) {
            big.append("1 0\n-1 0\n");
        }
        Files.writeString(file, big);
        try (MailboxSession s = session()) {
            assertEquals(3000, quota(s).storageUsed());
            assertEquals(List.of("102400S,50C", "3000 1"), lines(), "rewritten short");
        }
    }

    @Test
    void noRulesNoFile() throws Exception {
        store.deactivate();
        store = new MaildirStore(MapMailParameters.of(tmp, "mail_location", "maildir:~/Maildir"));
        try (MailboxSession s = session(); Mailbox box = s.open("INBOX")) {
            append(box, 100);
            assertTrue(s.quota().isEmpty());
        }
        assertTrue(Files.notExists(file), "without a quota nobody keeps maildirsize, as in Dovecot");
    }
}
