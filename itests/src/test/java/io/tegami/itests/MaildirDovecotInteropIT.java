package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.Flags;
import io.tegami.api.store.MailStore;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.user.User;
import io.tegami.store.maildir.MaildirStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tegami's Maildir store and Dovecot (Debian's dovecot-imapd, started here with its own
 * configuration on a loopback port) on the same Maildir: each must see what the other wrote,
 * with the same UIDs, UIDVALIDITY, flags, keywords, sizes, dates, folders and subscriptions.
 */
class MaildirDovecotInteropIT {

    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.US);

    private Path dir;
    private User alice;
    private MailStore store;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(MaildirDovecot.available(), "needs /usr/sbin/dovecot (dovecot-imapd) and root");
        // Not JUnit's @TempDir: Dovecot's unprivileged processes must be able to walk into it.
        dir = Files.createTempDirectory("tegami-mdit-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("home"));
        alice = new User("alice", -1, -1, dir.resolve("home/alice"), Map.of());
        store = new MaildirStore(MapMailParameters.of(dir, "mail_location", "maildir:~/Maildir"));
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String mail(String subject, String body) {
        return "From: Bob <bob@example.org>\nTo: alice@example.org\nSubject: " + subject
                + "\nMessage-ID: <" + subject.hashCode() + "@example.org>\n\n" + body + "\n";
    }

    private static byte[] read(Mailbox box, long uid) throws Exception {
        try (InputStream in = box.openMessage(uid)) {
            return in.readAllBytes();
        }
    }

    private static Instant imapDate(String s) {
        return ZonedDateTime.parse(s.trim(), IMAP_DATE).toInstant();
    }

    /** Tegami's view of a folder: UID to message info, and the contents. */
    private record View(long uidValidity, long uidNext, Map<Long, MessageInfo> infos, Map<Long, byte[]> bodies) {
    }

    private static View view(Mailbox box) throws Exception {
        Map<Long, MessageInfo> infos = new LinkedHashMap<>();
        Map<Long, byte[]> bodies = new LinkedHashMap<>();
        for (MessageInfo m : box.messages()) {
            infos.put(m.uid(), m);
            bodies.put(m.uid(), read(box, m.uid()));
        }
        return new View(box.uidValidity(), box.uidNext(), infos, bodies);
    }

    private static void assertSame(View tegami, Map<Long, MaildirImapClient.Fetched> dovecot, String what) {
        assertEquals(new ArrayList<>(tegami.infos().keySet()), new ArrayList<>(dovecot.keySet()), what + ": UIDs");
        for (MessageInfo m : tegami.infos().values()) {
            MaildirImapClient.Fetched f = dovecot.get(m.uid());
            assertEquals(m.flags(), f.flags(), what + ": flags of UID " + m.uid());
            assertEquals(m.rfc822Size(), f.size(), what + ": RFC822.SIZE of UID " + m.uid());
            assertEquals(m.internalDate(), imapDate(f.internalDate()), what + ": INTERNALDATE of UID " + m.uid());
            assertArrayEquals(tegami.bodies().get(m.uid()), f.body(), what + ": content of UID " + m.uid());
        }
    }

    @Test
    void dovecotReadsWhatTegamiWrote() throws Exception {
        View inboxView;
        View archiveView;
        try (MailboxSession s = store.open(alice); Mailbox inbox = s.open("INBOX")) {
            long u1 = inbox.append(text(mail("one", "plain")), Set.of(), Instant.parse("2021-03-04T05:06:07Z"));
            long u2 = inbox.append(text(mail("two", "flagged")), Set.of(Flags.SEEN, Flags.FLAGGED, "$Label1", "Work"),
                    Instant.parse("2021-03-05T05:06:07Z"));
            long u3 = inbox.append(text(mail("three", "gone")), Set.of(Flags.DELETED), null);
            assertEquals(List.of(u3), inbox.expunge());
            long u4 = inbox.append(text(mail("four", "crlf\r\nlines").replace("\n", "\r\n")),
                    Set.of(Flags.ANSWERED, Flags.DRAFT), Instant.parse("2022-01-01T00:00:00Z"));
            inbox.addFlags(List.of(u1), Set.of("$Forwarded"));
            s.create("Archive");
            s.create("Entwürfe");
            s.subscribe("Archive");
            try (Mailbox archive = s.open("Archive"); Mailbox drafts = s.open("Entwürfe")) {
                inbox.copy(List.of(u2), archive);
                drafts.append(text(mail("entwurf", "ü")), Set.of(Flags.DRAFT), null);
                archiveView = view(archive);
            }
            inboxView = view(inbox);
            assertEquals(List.of(u1, u2, u4), new ArrayList<>(inboxView.infos().keySet()));
        }
        MaildirDovecot.handOver(dir.resolve("home"));
        try (MaildirDovecot dovecot = MaildirDovecot.start(dir); MaildirImapClient imap = dovecot.login("alice")) {
            MaildirImapClient.Response sel = imap.ok("SELECT INBOX");
            assertEquals(inboxView.uidValidity(), sel.code("UIDVALIDITY"), dovecot.log());
            assertEquals(inboxView.uidNext(), sel.code("UIDNEXT"));
            assertSame(inboxView, imap.fetchAll(), "INBOX");

            List<String> list = imap.ok("LIST \"\" \"*\"").untagged();
            assertTrue(list.stream().anyMatch(l -> l.endsWith("\".\" Archive")), list.toString());
            assertTrue(list.stream().anyMatch(l -> l.endsWith("\".\" Entw&APw-rfe")), "names in modified UTF-7: " + list);
            List<String> lsub = imap.ok("LSUB \"\" \"*\"").untagged();
            assertTrue(lsub.stream().anyMatch(l -> l.endsWith(" Archive")), lsub.toString());

            MaildirImapClient.Response arch = imap.ok("SELECT Archive");
            assertEquals(archiveView.uidValidity(), arch.code("UIDVALIDITY"));
            assertSame(archiveView, imap.fetchAll(), "Archive (a hard-linked copy)");
            MaildirImapClient.Response drafts = imap.ok("SELECT \"Entw&APw-rfe\"");
            assertTrue(drafts.untagged().contains("* 1 EXISTS"), drafts.untagged().toString());

            // Tegami changes flags and expunges while Dovecot has its indexes: Dovecot follows.
            long u1 = inboxView.infos().keySet().iterator().next();
            long u4 = new ArrayList<>(inboxView.infos().keySet()).get(2);
            View changed;
            try (MailboxSession s = store.open(alice); Mailbox inbox = s.open("INBOX")) {
                inbox.addFlags(List.of(u1), Set.of(Flags.SEEN, "Later"));
                inbox.addFlags(List.of(u4), Set.of(Flags.DELETED));
                inbox.expunge();
                changed = view(inbox);
            }
            MaildirDovecot.handOver(dir.resolve("home"));
            imap.ok("SELECT INBOX");
            assertSame(changed, imap.fetchAll(), "INBOX after Tegami's changes");
            assertFalse(dovecot.log().contains("Error:"), dovecot.log());
        }
    }

    @Test
    void tegamiReadsWhatDovecotWrote() throws Exception {
        Files.createDirectories(alice.home());
        MaildirDovecot.handOver(dir.resolve("home"));
        Map<Long, MaildirImapClient.Fetched> inbox;
        Map<Long, MaildirImapClient.Fetched> work;
        long validity;
        long uidNext;
        try (MaildirDovecot dovecot = MaildirDovecot.start(dir); MaildirImapClient imap = dovecot.login("alice")) {
            imap.ok("SELECT INBOX");
            appendOk(imap, "INBOX (\\Seen $Forwarded) \"02-Jan-2021 03:04:05 +0000\"", mail("d1", "first"));
            appendOk(imap, "INBOX", mail("d2", "second"));
            appendOk(imap, "INBOX (\\Flagged \\Deleted)", mail("d3", "expunged"));
            appendOk(imap, "INBOX (\\Answered NonJunk) \"03-Feb-2022 10:20:30 +0100\"", mail("d4", "fourth\nmore"));
            imap.ok("CREATE Work");
            imap.ok("CREATE \"Entw&APw-rfe\"");
            appendOk(imap, "Work (\\Draft)", mail("w1", "work"));
            imap.ok("SUBSCRIBE Work");
            imap.ok("SELECT INBOX");
            imap.ok("EXPUNGE");
            imap.ok("STORE 2 +FLAGS (Later \\Seen)");
            MaildirImapClient.Response sel = imap.ok("SELECT INBOX");
            validity = sel.code("UIDVALIDITY");
            uidNext = sel.code("UIDNEXT");
            inbox = imap.fetchAll();
            imap.ok("SELECT Work");
            work = imap.fetchAll();
        }
        assertEquals(3, inbox.size());

        try (MailboxSession s = store.open(alice); Mailbox box = s.open("INBOX", true)) {
            View v = view(box);
            assertEquals(validity, v.uidValidity());
            assertEquals(uidNext, v.uidNext());
            assertSame(v, inbox, "INBOX written by Dovecot");
            List<String> names = s.list().stream().map(MailboxInfo::name).toList();
            assertTrue(names.containsAll(List.of("INBOX", "Work", "Entwürfe")), names.toString());
            assertEquals(List.of("Work"), s.subscriptions());
            try (Mailbox w = s.open("Work", true)) {
                assertSame(view(w), work, "Work written by Dovecot");
            }
        }

        // And back: Tegami adds a message and a keyword, Dovecot sees them with the next UID.
        long added;
        View after;
        try (MailboxSession s = store.open(alice); Mailbox box = s.open("INBOX")) {
            added = box.append(text(mail("t1", "from tegami")), Set.of("$Label2"), Instant.parse("2023-04-05T06:07:08Z"));
            assertEquals(uidNext, added, "the next UID Dovecot announced");
            box.addFlags(List.of(inbox.keySet().iterator().next()), Set.of("Shared"));
            after = view(box);
        }
        MaildirDovecot.handOver(dir.resolve("home"));
        try (MaildirDovecot dovecot = MaildirDovecot.start(dir); MaildirImapClient imap = dovecot.login("alice")) {
            MaildirImapClient.Response sel = imap.ok("SELECT INBOX");
            assertEquals(validity, sel.code("UIDVALIDITY"));
            assertEquals(added + 1, sel.code("UIDNEXT"));
            assertSame(after, imap.fetchAll(), "INBOX after Tegami wrote into Dovecot's maildir");
            assertFalse(dovecot.log().contains("Error:"), dovecot.log());
        }
    }

    private static void appendOk(MaildirImapClient imap, String args, String message) throws IOException {
        MaildirImapClient.Response r = imap.command("APPEND " + args,
                message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        if (!r.ok()) {
            throw new AssertionError("APPEND " + args + ": " + r);
        }
    }
}
