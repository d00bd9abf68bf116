package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.Quota;
import io.tegami.api.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doveadm quota recalc on Maildir++: the mail is counted again and maildirsize rewritten as Dovecot does. */
class MaildirQuotaRecalcTest {

    @TempDir
    Path tmp;

    private MaildirStore store(String... rules) {
        String[] p = new String[2 + rules.length];
        p[0] = "mail_location";
        p[1] = "maildir:~/Maildir";
        System.arraycopy(rules, 0, p, 2, rules.length);
        return new MaildirStore(MapMailParameters.of(tmp, p));
    }

    private MailboxSession open(MaildirStore store) throws Exception {
        return store.open(new User("alice", -1, -1, tmp.resolve("home/alice"), java.util.Map.of()));
    }

    private static void append(Mailbox box, int size) throws Exception {
        String text = "Subject: x\n\n" + "y".repeat(size - 13) + "\n";
        box.append(MaildirMailboxTest.mail(text), Set.of(), null);
    }

    private Path file() {
        return tmp.resolve("home/alice/Maildir").resolve(MaildirSizeFile.NAME);
    }

    @Test
    void aDriftedFileIsReplacedByACount() throws Exception {
        MaildirStore store = store("quota_rule", "*:storage=100k:messages=50", "quota_rule2", "Trash:ignore");
        try (MailboxSession s = open(store)) {
            s.create("Trash");
            try (Mailbox inbox = s.open("INBOX"); Mailbox trash = s.open("Trash")) {
                append(inbox, 1000);
                append(inbox, 2000);
                append(trash, 500); // ignored by the rules: never counted
            }
            // A message removed behind the store's back, and a fresh file that says nonsense.
            try (Stream<Path> cur = Files.walk(tmp.resolve("home/alice/Maildir"))) {
                List<Path> all = cur.toList();
                Path one = all.stream().filter(f -> f.getFileName().toString().contains("S=1000")).findFirst()
                        .orElseThrow(() -> new AssertionError(all.toString()));
                Files.delete(one);
            }
            Files.writeString(file(), "102400S,50C\n9999 9\n12 1\n", StandardCharsets.US_ASCII);
            assertEquals(10011, s.quota().orElseThrow().storageUsed(), "the file is trusted until recalculated");

            Quota q = s.recalculateQuota().orElseThrow();
            assertEquals(new Quota("User quota", 2000, 102400, 1, 50), q);
            assertEquals(List.of("102400S,50C", "2000 1"), Files.readAllLines(file(), StandardCharsets.US_ASCII));
            assertEquals(q, s.quota().orElseThrow());
        } finally {
            store.deactivate();
        }
    }

    @Test
    void softRulesKeepTheLimitsAnotherToolWrote() throws Exception {
        MaildirStore store = store("quota_rule", "?:storage=100k");
        try (MailboxSession s = open(store)) {
            try (Mailbox inbox = s.open("INBOX")) {
                append(inbox, 100);
            }
            Files.writeString(file(), "2048S,7C\n5 5\n", StandardCharsets.US_ASCII);
            Quota q = s.recalculateQuota().orElseThrow();
            assertEquals(2048, q.storageLimit());
            assertEquals(7, q.messagesLimit());
            assertEquals(List.of("2048S,7C", "100 1"), Files.readAllLines(file(), StandardCharsets.US_ASCII));
        } finally {
            store.deactivate();
        }
    }

    @Test
    void withoutAQuotaThereIsNothingToRecalculate() throws Exception {
        MaildirStore store = store();
        try (MailboxSession s = open(store)) {
            assertTrue(s.recalculateQuota().isEmpty());
            assertTrue(Files.notExists(file()));
        } finally {
            store.deactivate();
        }
    }
}
