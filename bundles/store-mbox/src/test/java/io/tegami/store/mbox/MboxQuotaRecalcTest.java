package io.tegami.store.mbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.Quota;
import io.tegami.api.user.User;

/** doveadm quota recalc on mbox: the count backend counts the folders as they are now. */
class MboxQuotaRecalcTest {

    @TempDir
    Path base;

    @Test
    void theRecountSeesMailAddedBehindTheStoresBack() throws Exception {
        MboxStore store = new MboxStore(MapMailParameters.of(base, "mail_spool_directory", base.resolve("spool").toString(),
                "quota_rule", "*:storage=1M:messages=10"));
        User alice = new User("alice", -1, -1, base.resolve("home/alice"), Map.of());
        try (MailboxSession s = store.open(alice)) {
            try (Mailbox inbox = s.open("INBOX")) {
                inbox.append(new ByteArrayInputStream("Subject: a\n\nbody\n".getBytes(StandardCharsets.UTF_8)), Set.of(), null);
            }
            Quota before = s.recalculateQuota().orElseThrow();
            assertEquals(1, before.messagesUsed());
            // Another MDA (procmail) appends to the spool file directly.
            Files.writeString(base.resolve("spool/alice"), "From x@example.org Sat Nov 28 01:00:00 2026\nSubject: b\n\nmore\n\n",
                    StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
            Quota after = s.recalculateQuota().orElseThrow();
            assertEquals(2, after.messagesUsed());
            assertTrue(after.storageUsed() > before.storageUsed());
            assertEquals(1024 * 1024, after.storageLimit());
        }
        MboxStore none = new MboxStore(MapMailParameters.of(base, "mail_spool_directory", base.resolve("spool").toString()));
        try (MailboxSession s = none.open(alice)) {
            assertTrue(s.recalculateQuota().isEmpty());
        }
    }
}
