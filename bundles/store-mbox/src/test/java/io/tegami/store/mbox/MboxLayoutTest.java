package io.tegami.store.mbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.MailboxAttributes;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mail_location, where folders go, which names are refused, subscriptions. */
class MboxLayoutTest {

    @TempDir
    Path base;

    private User user(String name, Map<String, String> fields) {
        return new User(name, -1, -1, base.resolve("home").resolve(name), fields);
    }

    private MboxStore store(String... params) {
        return new MboxStore(MapMailParameters.of(base, params));
    }

    @Test
    void defaultLocationPutsInboxInTheSpoolDirectory() throws Exception {
        MboxStore store = store("mail_location", "maildir:~/Maildir", "mail_spool_directory", base.resolve("spool/mail").toString());
        User alice = user("alice", Map.of());
        MboxLayout layout = store.layout(alice);
        assertEquals(base.resolve("spool/mail/alice"), layout.inbox());
        assertEquals(alice.home().resolve("mail"), layout.root());
        store.open(alice).close();
        assertTrue(Files.isRegularFile(base.resolve("spool/mail/alice")), "INBOX is created");
        assertTrue(Files.isDirectory(alice.home().resolve("mail")));
    }

    @Test
    void mailLocationAndUserdbField() throws Exception {
        MboxStore store = store("mail_location", "mbox:%h/m:INBOX=" + base + "/var/mail/%n:CONTROL=~/ctl");
        MboxLayout layout = store.layout(user("bob@example.org", Map.of()));
        assertEquals(base.resolve("home/bob@example.org/m"), layout.root());
        assertEquals(base.resolve("var/mail/bob"), layout.inbox());
        assertEquals(base.resolve("home/bob@example.org/ctl/.subscriptions"), layout.subscriptionsFile());
        MboxLayout own = store.layout(user("carol", Map.of("mail", "mbox:~/Mail")));
        assertEquals(base.resolve("home/carol/Mail/inbox"), own.inbox(), "no INBOX=: the root's inbox file");
        StoreException e = assertThrows(StoreException.class, () -> store.layout(user("dave", Map.of("userdb_mail", "maildir:~/Maildir"))));
        assertEquals(StoreException.Reason.IO, e.reason());
        assertEquals(StoreException.Reason.INVALID_NAME,
                assertThrows(StoreException.class, () -> store.layout(user("../etc", Map.of()))).reason());
        assertEquals(StoreException.Reason.IO, assertThrows(StoreException.class,
                () -> store.layout(user("erin", Map.of("mail", "mbox:~/mail:LAYOUT=maildir++")))).reason(),
                "a layout Dovecot would read elsewhere is refused, not guessed");
    }

    @Test
    void foldersAreFilesInModifiedUtf7AndParentsDirectories() throws Exception {
        MboxStore store = store("mail_spool_directory", base.resolve("spool").toString());
        User alice = user("alice", Map.of());
        try (MailboxSession s = store.open(alice)) {
            s.create("Entwürfe");
            s.create("Work/2024/Q1");
            Path root = alice.home().resolve("mail");
            assertTrue(Files.isRegularFile(root.resolve("Entw&APw-rfe")));
            assertTrue(Files.isRegularFile(root.resolve("Work/2024/Q1")));
            assertEquals(StoreException.Reason.NOT_ALLOWED,
                    assertThrows(StoreException.class, () -> s.create("Entwürfe/Sub")).reason(),
                    "a folder with mail cannot have children in the mbox layout");
            // Files that are not folders stay out of the list.
            Files.writeString(root.resolve(".subscriptions"), "");
            Files.createDirectories(root.resolve(".imap/INBOX"));
            Files.writeString(root.resolve("Entw&APw-rfe.lock"), "");
            Files.writeString(root.resolve("inbox"), "");
            List<String> names = s.list().stream().map(MailboxInfo::name).toList();
            assertEquals(List.of("INBOX", "Entwürfe", "Work", "Work/2024", "Work/2024/Q1"), names);
            MailboxInfo work = s.list().get(2);
            assertEquals(Set.of(MailboxAttributes.NOSELECT, MailboxAttributes.HAS_CHILDREN), work.attributes());
            s.rename("Work", "Done");
            try (Mailbox q1 = s.open("Done/2024/Q1")) {
                assertEquals(0, q1.messages().size());
            }
            assertEquals(StoreException.Reason.NOT_ALLOWED, assertThrows(StoreException.class, () -> s.delete("Done")).reason());
        }
    }

    @Test
    void namesOfTheStoresOwnFilesAreRefused() throws Exception {
        MboxStore store = store("mail_spool_directory", base.resolve("spool").toString());
        try (MailboxSession s = store.open(user("alice", Map.of()))) {
            for (String bad : List.of(".imap", ".subscriptions", "a/.hidden", "inbox.lock", "x/y.LOCK", "../x", "~root",
                    "a\0b", "x".repeat(300))) {
                assertEquals(StoreException.Reason.INVALID_NAME, assertThrows(StoreException.class, () -> s.create(bad)).reason(), bad);
                assertEquals(StoreException.Reason.INVALID_NAME, assertThrows(StoreException.class, () -> s.open(bad)).reason(), bad);
            }
            assertFalse(Files.exists(base.resolve("home/x")));
        }
    }

    @Test
    void subscriptionsInDovecotsFormats() throws Exception {
        MboxStore store = store("mail_spool_directory", base.resolve("spool").toString());
        User alice = user("alice", Map.of());
        Path file = alice.home().resolve("mail/.subscriptions");
        try (MailboxSession s = store.open(alice)) {
            s.subscribe("Entwürfe");
            s.subscribe("Work/Sub");
            assertEquals("Entw&APw-rfe\nWork/Sub\n", Files.readString(file, StandardCharsets.UTF_8));
            // Dovecot 2.3 version 2: a header, levels separated by tabs.
            Files.writeString(file, "V\t2\n\nWork\tSub\nEntw&APw-rfe\nINBOX\n", StandardCharsets.UTF_8);
            assertEquals(List.of("Entwürfe", "INBOX", "Work/Sub"), s.subscriptions());
            s.unsubscribe("Work/Sub");
            assertEquals("V\t2\n\nEntw&APw-rfe\nINBOX\n", Files.readString(file, StandardCharsets.UTF_8));
        }
    }
}
