package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.store.contract.RecordingListener;
import io.tegami.api.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the store, the modseq side file, Dovecot's subscriptions file format. */
class MaildirStoreLifecycleTest {

    @TempDir
    Path tmp;
    MapMailParameters params;
    MaildirStore store;
    User alice;
    Path maildir;

    @BeforeEach
    void setUp() {
        params = MapMailParameters.of(tmp, "mail_location", "maildir:~/Maildir");
        store = new MaildirStore(params);
        alice = new User("alice", -1, -1, tmp.resolve("home/alice"), Map.of());
        maildir = tmp.resolve("home/alice/Maildir");
    }

    static ByteArrayInputStream mail(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stoppingTheStoreClosesOpenMailboxes() throws Exception {
        MailboxSession s = store.open(alice);
        Mailbox inbox = s.open("INBOX");
        RecordingListener l = new RecordingListener();
        inbox.addListener(l);
        inbox.append(mail("x\n"), Set.of(), null);
        store.deactivate();
        assertTrue(l.wasClosed(), "an IMAP session would say BYE now");
        assertEquals(StoreException.Reason.IO, assertThrows(StoreException.class, inbox::messages).reason());
        assertEquals(StoreException.Reason.IO, assertThrows(StoreException.class, () -> store.open(alice)).reason());
        assertEquals(StoreException.Reason.IO, assertThrows(StoreException.class, () -> s.open("INBOX")).reason());
        s.close();
        // the mail is on disk for the next store instance
        MaildirStore next = new MaildirStore(params);
        try (MailboxSession again = next.open(alice); Mailbox box = again.open("INBOX")) {
            assertEquals(1, box.messages().size());
        }
    }

    @Test
    void modSeqsLiveInTegamisOwnFileAndFollowOtherProgramsRenames() throws Exception {
        long uid;
        long after;
        try (MailboxSession s = store.open(alice); Mailbox inbox = s.open("INBOX")) {
            uid = inbox.append(mail("x\n"), Set.of(Flags.SEEN), null);
            long before = inbox.highestModSeq();
            // mutt flags the message: a rename behind the store's back
            Path cur = maildir.resolve("cur");
            String name;
            try (var files = Files.list(cur)) {
                name = files.findFirst().orElseThrow().getFileName().toString();
            }
            Files.move(cur.resolve(name), cur.resolve(name.replace(":2,S", ":2,FS")));
            MessageInfo m = inbox.messages().get(0);
            assertEquals(Set.of(Flags.SEEN, Flags.FLAGGED), m.flags());
            assertTrue(m.modSeq() > before, "an outside flag change gets a modseq too");
            after = inbox.highestModSeq();
        }
        String log = Files.readString(maildir.resolve(ModSeqLog.NAME));
        assertTrue(log.startsWith("T1 V"), log);
        assertTrue(log.contains("\n" + uid + " " + after + " FS\n"), log);
        // Dovecot never writes it; a Tegami restart reads it back
        try (MailboxSession s = new MaildirStore(params).open(alice); Mailbox inbox = s.open("INBOX")) {
            assertEquals(after, inbox.highestModSeq());
        }
    }

    @Test
    void aMailboxWithHistoryButNoModSeqLogStartsHigh() throws Exception {
        try (MailboxSession s = store.open(alice); Mailbox inbox = s.open("INBOX")) {
            inbox.append(mail("x\n"), Set.of(), null);
        }
        Files.delete(maildir.resolve(ModSeqLog.NAME)); // lost, or a maildir Dovecot made
        long now = System.currentTimeMillis();
        try (MailboxSession s = new MaildirStore(params).open(alice); Mailbox inbox = s.open("INBOX")) {
            assertTrue(inbox.highestModSeq() >= now, "above anything a client can have cached");
        }
    }

    @Test
    void subscriptionsAreWrittenLikeDovecotAndItsVersion2IsRead() throws Exception {
        try (MailboxSession s = store.open(alice)) {
            s.subscribe("Entwürfe");
            s.subscribe("A.B");
            assertEquals("Entw&APw-rfe\nA.B\n", Files.readString(maildir.resolve("subscriptions")));
            Files.writeString(maildir.resolve("subscriptions"), "V\t2\n\nINBOX\nWork\tSub\nEntw&APw-rfe\n");
            assertEquals(List.of("Entwürfe", "INBOX", "Work.Sub"), s.subscriptions());
            s.unsubscribe("INBOX");
            assertEquals("V\t2\n\nWork\tSub\nEntw&APw-rfe\n", Files.readString(maildir.resolve("subscriptions")));
        }
    }

    @Test
    void folderNamesAreModifiedUtf7OnDisk() throws Exception {
        try (MailboxSession s = store.open(alice)) {
            s.create("Entwürfe.R&D");
            assertTrue(Files.isDirectory(maildir.resolve(".Entw&APw-rfe")));
            assertTrue(Files.isDirectory(maildir.resolve(".Entw&APw-rfe.R&-D")));
            Files.createDirectories(maildir.resolve(".bad&name/cur")); // not valid modified UTF-7: not listed
            assertEquals(List.of("INBOX", "Entwürfe", "Entwürfe.R&D"),
                    s.list().stream().map(i -> i.name()).toList());
        }
    }

    @Test
    void copiesAreHardLinks() throws Exception {
        try (MailboxSession s = store.open(alice); Mailbox inbox = s.open("INBOX")) {
            s.create("Copy");
            long uid = inbox.append(mail("x\n"), Set.of(Flags.SEEN, "Work"), Instant.parse("2020-01-01T00:00:00Z"));
            try (Mailbox copy = s.open("Copy")) {
                long n = inbox.copy(List.of(uid), copy).uids().get(uid);
                Path a;
                Path b;
                try (var x = Files.list(maildir.resolve("cur")); var y = Files.list(maildir.resolve(".Copy/cur"))) {
                    a = x.findFirst().orElseThrow();
                    b = y.findFirst().orElseThrow();
                }
                assertEquals(Files.getAttribute(a, "unix:ino"), Files.getAttribute(b, "unix:ino"));
                assertNotEquals(a.getFileName().toString().split(":")[0], b.getFileName().toString().split(":")[0],
                        "a copy has its own base name");
                assertEquals(Set.of(Flags.SEEN, "Work"), copy.message(n).orElseThrow().flags());
            }
        }
    }
}
