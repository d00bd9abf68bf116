package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.store.MailLocation;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Maildir++ folders, mailbox names and mail_location. */
class MaildirFoldersTest {

    @TempDir
    Path tmp;
    FakeMailParameters params;
    MaildirStore store;
    User alice;
    Path maildir;
    MailboxSession session;

    @BeforeEach
    void setUp() throws Exception {
        params = new FakeMailParameters(tmp);
        store = new MaildirStore(params);
        alice = new User("alice", -1, -1, tmp.resolve("home/alice"), Map.of());
        maildir = tmp.resolve("home/alice/Maildir");
        session = store.open(alice);
    }

    static InputStream mail(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> names(MailboxSession s) throws StoreException {
        return s.list().stream().map(MailboxInfo::name).toList();
    }

    static void assertReason(StoreException.Reason reason, Executable call) {
        assertEquals(reason, assertThrows(StoreException.class, call).reason());
    }

    @Test
    void createListAndOpen() throws Exception {
        session.create("Sent");
        session.create("Archive.2024.May"); // missing parents are created
        assertEquals(List.of("INBOX", "Archive", "Archive.2024", "Archive.2024.May", "Sent"), names(session));
        for (String dir : new String[] {".Sent", ".Archive", ".Archive.2024", ".Archive.2024.May"}) {
            for (String sub : new String[] {"tmp", "new", "cur"}) {
                assertTrue(Files.isDirectory(maildir.resolve(dir).resolve(sub)), dir + "/" + sub);
            }
            assertTrue(Files.isRegularFile(maildir.resolve(dir).resolve("maildirfolder")), dir);
        }
        assertFalse(Files.exists(maildir.resolve("maildirfolder")), "INBOX is no folder");
        assertReason(StoreException.Reason.ALREADY_EXISTS, () -> session.create("Sent"));
        assertReason(StoreException.Reason.ALREADY_EXISTS, () -> session.create("inbox"));
        assertReason(StoreException.Reason.NOT_FOUND, () -> session.open("sent"));
        Mailbox sent = session.open("Sent");
        assertEquals(1, sent.append(mail("x\n"), Set.of(Flags.SEEN), Instant.now()));
        assertTrue(Files.exists(maildir.resolve(".Sent/dovecot-uidlist")));
    }

    @Test
    void folderMadeByHandIsListedAndCompleted() throws Exception {
        Files.createDirectories(maildir.resolve(".Old/cur"));
        Files.createDirectories(maildir.resolve("..DOVECOT-TRASHED"));
        Files.createDirectories(maildir.resolve("notafolder"));
        Files.writeString(maildir.resolve(".afile"), "");
        assertEquals(List.of("INBOX", "Old"), names(session));
        session.open("Old");
        assertTrue(Files.isDirectory(maildir.resolve(".Old/new")));
    }

    @Test
    void inboxIsCaseInsensitiveOtherNamesAreNot() throws Exception {
        session.create("inbox.Drafts");
        assertTrue(Files.isDirectory(maildir.resolve(".INBOX.Drafts")));
        assertEquals("INBOX.Drafts", session.open("Inbox.Drafts").name());
        session.create("work");
        session.create("Work");
        assertEquals(List.of("INBOX", "INBOX.Drafts", "Work", "work"), names(session));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", ".hidden", "a..b", "a.", "a/b", "../x", "/etc", "a\\b", "a\u0000b",
        "a\nb", "tab\there", "del\u007f"})
    void invalidNamesAreRejectedEverywhere(String bad) throws Exception {
        session.create("Real");
        assertReason(StoreException.Reason.INVALID_NAME, () -> session.open(bad));
        assertReason(StoreException.Reason.INVALID_NAME, () -> session.create(bad));
        assertReason(StoreException.Reason.INVALID_NAME, () -> session.delete(bad));
        assertReason(StoreException.Reason.INVALID_NAME, () -> session.rename("Real", bad));
        assertReason(StoreException.Reason.INVALID_NAME, () -> session.rename(bad, "Other"));
        assertEquals(List.of("INBOX", "Real"), names(session));
    }

    @Test
    void overlongNamesAreRejected() throws Exception {
        assertReason(StoreException.Reason.INVALID_NAME, () -> session.create("x".repeat(255)));
        assertReason(StoreException.Reason.INVALID_NAME, () -> session.create("\u00e9".repeat(128)));
        assertReason(StoreException.Reason.INVALID_NAME, () -> session.open(null));
        session.create("x".repeat(200));
    }

    @Test
    void deleteRemovesMessagesButNotChildrenOrInbox() throws Exception {
        session.create("Trash.Old");
        session.open("Trash").append(mail("bye\n"), Set.of(), Instant.now());
        session.delete("Trash");
        assertEquals(List.of("INBOX", "Trash", "Trash.Old"), names(session), "Trash stays as \\Noselect");
        assertFalse(session.list().get(1).selectable());
        assertFalse(Files.exists(maildir.resolve(".Trash")));
        assertFalse(Files.exists(maildir.resolve("..DOVECOT-TRASHED")));
        assertReason(StoreException.Reason.NOT_ALLOWED, () -> session.delete("Trash"));
        assertReason(StoreException.Reason.NOT_ALLOWED, () -> session.delete("INBOX"));
        assertReason(StoreException.Reason.NOT_ALLOWED, () -> session.delete("inbox"));
        assertTrue(Files.isDirectory(maildir.resolve("cur")));
    }

    @Test
    void renameMovesChildrenAndKeepsUids() throws Exception {
        session.create("Projects.Alpha");
        session.create("Projects.Beta.Sub");
        session.create("ProjectsX");
        Mailbox alpha = session.open("Projects.Alpha");
        alpha.append(mail("a\n"), Set.of(), Instant.now());
        long validity = alpha.uidValidity();
        session.rename("Projects", "Archive.Done");
        assertEquals(List.of("INBOX", "Archive", "Archive.Done", "Archive.Done.Alpha", "Archive.Done.Beta",
                "Archive.Done.Beta.Sub", "ProjectsX"), names(session));
        Mailbox moved = session.open("Archive.Done.Alpha");
        assertEquals(validity, moved.uidValidity());
        assertEquals(List.of(1L), moved.messages().stream().map(MessageInfo::uid).toList());

        assertReason(StoreException.Reason.NOT_FOUND, () -> session.rename("Projects", "X"));
        assertReason(StoreException.Reason.ALREADY_EXISTS, () -> session.rename("ProjectsX", "Archive"));
        assertReason(StoreException.Reason.ALREADY_EXISTS, () -> session.rename("ProjectsX", "INBOX"));
        assertReason(StoreException.Reason.NOT_ALLOWED, () -> session.rename("Archive", "Archive.Sub"));
    }

    @Test
    void renamingInboxMovesItsMessages() throws Exception {
        Mailbox inbox = session.open("INBOX");
        inbox.append(mail("one\n"), Set.of(), Instant.now());
        inbox.append(mail("two\n"), Set.of("$Label1"), Instant.now());
        Files.writeString(maildir.resolve("new/1700000000.M1P1.other"), "unlisted\n");
        session.create("INBOX.Child");
        long inboxValidity = inbox.uidValidity();

        session.rename("INBOX", "Old Mail");
        assertEquals(List.of("INBOX", "INBOX.Child", "Old Mail"), names(session));
        assertEquals(List.of(), session.open("INBOX").messages());
        assertEquals(inboxValidity, session.open("INBOX").uidValidity());
        // 1 and 2 were appended; uidValidity() synced, which gave the other program's file UID 3
        assertEquals(4, session.open("INBOX").append(mail("three\n"), Set.of(), Instant.now()),
                "INBOX never reuses a UID");

        Mailbox old = session.open("Old Mail");
        List<MessageInfo> msgs = old.messages();
        assertEquals(List.of(1L, 2L, 3L), msgs.stream().map(MessageInfo::uid).toList());
        assertEquals(Set.of("$Label1"), msgs.get(1).flags(), "keyword letters keep their meaning");
        assertTrue(old.uidValidity() != inboxValidity);
        assertReason(StoreException.Reason.ALREADY_EXISTS, () -> session.rename("INBOX", "Old Mail"));
    }

    @Test
    void mailLocationVariablesAndOptions() throws Exception {
        params.values.put("mail_location", "maildir:%h/mail/%d/%n:INBOX=%h/inbox:CONTROL=" + tmp + "/control/%u");
        User bob = new User("bob@example.org", -1, -1, tmp.resolve("home/bob"), Map.of());
        MailboxSession s = store.open(bob);
        Path root = tmp.resolve("home/bob/mail/example.org/bob");
        Path inbox = tmp.resolve("home/bob/inbox");
        Path control = tmp.resolve("control/bob@example.org");
        assertTrue(Files.isDirectory(root.resolve("cur")));
        assertTrue(Files.isDirectory(inbox.resolve("new")));
        s.open("INBOX").append(mail("x\n"), Set.of(), Instant.now());
        assertEquals(1, Files.list(inbox.resolve("new")).count());
        assertTrue(Files.exists(control.resolve("dovecot-uidlist")));
        assertFalse(Files.exists(inbox.resolve("dovecot-uidlist")));
        s.create("Sent");
        s.open("Sent").append(mail("y\n"), Set.of(Flags.SEEN), Instant.now());
        assertTrue(Files.exists(control.resolve(".Sent/dovecot-uidlist")));
        s.rename("Sent", "Sent2");
        assertTrue(Files.exists(control.resolve(".Sent2/dovecot-uidlist")));
        s.delete("Sent2");
        assertFalse(Files.exists(control.resolve(".Sent2")));
    }

    @Test
    void userdbMailFieldOverridesAndIsReadAtEachOpen() throws Exception {
        User carol = new User("carol", -1, -1, tmp.resolve("home/carol"),
                Map.of("userdb_mail", "maildir:~/Mail"));
        store.open(carol);
        assertTrue(Files.isDirectory(tmp.resolve("home/carol/Mail/new")));

        params.values.put("mail_location", "maildir:mail/%u");
        store.open(alice);
        assertTrue(Files.isDirectory(tmp.resolve("mail/alice/cur")), "relative: below Tegami's home");
    }

    @Test
    void unsupportedLocationsFailInsteadOfWritingElsewhere() {
        params.values.put("mail_location", "mbox:~/mail:INBOX=/var/mail/%u");
        assertReason(StoreException.Reason.IO, () -> store.open(alice));
        params.values.put("mail_location", "maildir:~/Maildir:LAYOUT=fs");
        assertReason(StoreException.Reason.IO, () -> store.open(alice));
        params.values.put("mail_location", "maildir:/m/%u");
        assertReason(StoreException.Reason.INVALID_NAME,
                () -> store.open(new User("../root", -1, -1, tmp, Map.of())));
    }

    @Test
    void mailLocationParsing() {
        MailLocation loc = MailLocation.parse("maildir:~/Mail::x:INDEX=/idx:layout=maildir++:UTF8");
        assertEquals("maildir", loc.format());
        assertEquals("~/Mail:x", loc.path());
        assertEquals(Map.of("INDEX", "/idx", "LAYOUT", "maildir++", "UTF8", ""), loc.options());
        assertEquals("", MailLocation.parse("/var/mail/%u").format());
    }
}
