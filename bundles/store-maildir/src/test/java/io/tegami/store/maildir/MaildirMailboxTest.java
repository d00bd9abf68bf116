package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages in one mailbox: delivery, flags, UIDs, and sharing the maildir with other programs. */
class MaildirMailboxTest {

    static final Instant DATE = Instant.parse("2024-05-01T10:00:00Z");
    static final String MAIL = "From: a@example.org\r\nSubject: hi\r\n\r\nbody\r\n";

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
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    Mailbox inbox() throws StoreException {
        return store.open(alice).open("INBOX");
    }

    @Test
    void openCreatesAPrivateMaildir() throws Exception {
        store.open(alice);
        for (String sub : new String[] {"", "tmp", "new", "cur"}) {
            assertEquals("rwx------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(maildir.resolve(sub))), sub);
        }
    }

    @Test
    void deliveryGoesToNewWithLfContentSizesAndMtime() throws Exception {
        Mailbox inbox = inbox();
        long uid = inbox.append(mail(MAIL), Set.of(), DATE);
        assertEquals(1, uid);
        List<String> files = names(maildir.resolve("new"));
        assertEquals(1, files.size());
        String name = files.get(0);
        String lf = MAIL.replace("\r\n", "\n");
        assertTrue(name.matches("\\d+\\.M\\d+P\\d+Q\\d+\\.[^/:]+,S=" + lf.length() + ",W=" + MAIL.length()), name);
        Path file = maildir.resolve("new").resolve(name);
        assertEquals(lf, Files.readString(file));
        assertEquals(DATE, Files.getLastModifiedTime(file).toInstant());
        assertEquals(List.of(), names(maildir.resolve("tmp")), "nothing left in tmp/");
        assertEquals(List.of(), names(maildir.resolve("cur")));

        String uidlist = Files.readString(maildir.resolve("dovecot-uidlist"));
        assertTrue(uidlist.matches("3 V\\d+ N2 G[0-9a-f]{32}\n1 :" + java.util.regex.Pattern.quote(name) + "\n"), uidlist);

        assertEquals(2, inbox.append(mail("x\n"), null, null));
        List<MessageInfo> msgs = inbox.messages();
        assertEquals(List.of(1L, 2L), msgs.stream().map(MessageInfo::uid).toList());
        MessageInfo first = msgs.get(0);
        assertEquals(lf.length(), first.size(), "the stored (LF) size");
        assertEquals(MAIL.length(), first.rfc822Size(), "RFC822.SIZE from W=");
        assertEquals(DATE, first.internalDate());
        assertEquals(Set.of(), first.flags());
        assertTrue(first.recent());
        try (InputStream in = inbox.openMessage(1)) {
            assertEquals(MAIL, new String(in.readAllBytes(), StandardCharsets.UTF_8), "read back with CRLF");
        }
        assertEquals(List.of(), names(maildir.resolve("new")), "seen by a session: moved to cur/, as Dovecot does");
        assertTrue(names(maildir.resolve("cur")).get(0).endsWith(":2,"));
    }

    @Test
    void flaggedAppendGoesToCurAndFlagsRoundTrip() throws Exception {
        Mailbox inbox = inbox();
        long uid = inbox.append(mail(MAIL), Set.of(Flags.SEEN, Flags.FLAGGED, "$Junk", Flags.RECENT), DATE);
        String name = names(maildir.resolve("cur")).get(0);
        assertTrue(name.endsWith(":2,FSa"), name);
        assertEquals("0 $Junk\n", Files.readString(maildir.resolve("dovecot-keywords")));
        assertEquals(Set.of(Flags.SEEN, Flags.FLAGGED, "$Junk"), inbox.messages().get(0).flags());

        inbox.setFlags(List.of(uid), Set.of(Flags.ANSWERED, Flags.DRAFT, "Work", "$Junk"));
        String renamed = names(maildir.resolve("cur")).get(0);
        assertEquals(name.substring(0, name.indexOf(':')) + ":2,DRab", renamed);
        assertEquals("0 $Junk\n1 Work\n", Files.readString(maildir.resolve("dovecot-keywords")));
        assertEquals(Set.of(Flags.ANSWERED, Flags.DRAFT, "Work", "$Junk"), inbox.messages().get(0).flags());
        assertEquals(DATE, inbox.messages().get(0).internalDate(), "a rename keeps the INTERNALDATE");
    }

    @Test
    void setFlagsMovesNewToCurAndKeepsTheUid() throws Exception {
        Mailbox inbox = inbox();
        inbox.append(mail(MAIL), Set.of(), DATE);
        long uid = inbox.append(mail(MAIL), Set.of(), DATE);
        inbox.setFlags(List.of(uid), Set.of(Flags.SEEN));
        assertEquals(1, names(maildir.resolve("new")).size());
        assertTrue(names(maildir.resolve("cur")).get(0).endsWith(":2,S"));
        inbox.setFlags(List.of(uid), Set.of());
        assertTrue(names(maildir.resolve("cur")).get(0).endsWith(":2,"), "no flags: stays in cur/ with :2,");
        assertEquals(List.of(1L, 2L), inbox.messages().stream().map(MessageInfo::uid).toList());
        assertEquals(List.of(), inbox.setFlags(List.of(99L), Set.of(Flags.SEEN)), "unknown UIDs are ignored");
    }

    @Test
    void expungeDeletesOnlyDeletedMessages() throws Exception {
        Mailbox inbox = inbox();
        inbox.append(mail("1\n"), Set.of(), DATE);
        inbox.append(mail("2\n"), Set.of(Flags.DELETED), DATE);
        inbox.append(mail("3\n"), Set.of(Flags.SEEN), DATE);
        inbox.setFlags(List.of(3L), Set.of(Flags.SEEN, Flags.DELETED));
        assertEquals(List.of(2L, 3L), inbox.expunge());
        assertEquals(List.of(1L), inbox.messages().stream().map(MessageInfo::uid).toList());
        assertEquals(1, names(maildir.resolve("cur")).size(), "only message 1 is left (moved to cur/ when listed)");
        assertTrue(Files.readString(maildir.resolve("dovecot-uidlist")).matches("3 V\\d+ N4 G\\w+\n1 :[^\n]+\n"));
        assertEquals(4, inbox.append(mail("4\n"), Set.of(), DATE), "UIDs are never reused");
        assertEquals(List.of(), inbox.expunge());
        StoreException gone = assertThrows(StoreException.class, () -> inbox.openMessage(2));
        assertEquals(StoreException.Reason.NOT_FOUND, gone.reason());
    }

    @Test
    void fileFromAnotherMdaGetsTheNextUid() throws Exception {
        Mailbox inbox = inbox();
        inbox.append(mail("mine\n"), Set.of(), DATE);
        // procmail/Dovecot-LDA style deliveries, out of order on purpose
        Files.writeString(maildir.resolve("new/1700000002.M2P7.other"), "second\n");
        Files.writeString(maildir.resolve("new/1700000001.M9P7.other"), "first\n");
        Files.writeString(maildir.resolve("tmp/1700000003.M1P7.other"), "still being written\n");
        List<MessageInfo> msgs = inbox.messages();
        assertEquals(List.of(1L, 2L, 3L), msgs.stream().map(MessageInfo::uid).toList());
        try (InputStream in = inbox.openMessage(2)) {
            assertEquals("first\r\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(7, msgs.get(1).rfc822Size(), "no W=: counted");
        assertEquals(7, msgs.get(2).size(), "no S= in the name: the file size");
        assertEquals(4, inbox.uidNext());
        assertEquals(4, inbox.append(mail("later\n"), Set.of(), DATE));
        // mutt marks the first external one read: same base, new name in cur/
        Files.move(maildir.resolve("cur/1700000001.M9P7.other:2,"), maildir.resolve("cur/1700000001.M9P7.other:2,S"));
        MessageInfo two = inbox.messages().get(1);
        assertEquals(2, two.uid());
        assertEquals(Set.of(Flags.SEEN), two.flags());
        assertEquals(List.of(1L, 2L, 3L, 4L), inbox.messages().stream().map(MessageInfo::uid).toList());
    }

    @Test
    void readsAMailboxDovecotWrote() throws Exception {
        store.open(alice);
        Files.writeString(maildir.resolve("cur/1276528487.M364837P9451.kurkku,S=6,W=7:2,S"), "hello\n");
        Files.writeString(maildir.resolve("cur/1276533073.M242911P3632.kurkku:2,Fb"), "flagged\n");
        Files.writeString(maildir.resolve("new/1276533099.M1P1.kurkku"), "unlisted\n");
        Files.writeString(maildir.resolve("dovecot-keywords"), "0 $Junk\n1 $NonJunk\n");
        Files.writeString(maildir.resolve("dovecot-uidlist"), """
                3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1
                25006 :1276528487.M364837P9451.kurkku,S=6,W=7:2,
                25017 W2481 :1276533073.M242911P3632.kurkku:2,F
                25018 :1276533080.M1P1.kurkku-expunged
                """);
        Mailbox inbox = inbox();
        assertEquals(1275660208L, inbox.uidValidity());
        List<MessageInfo> msgs = inbox.messages();
        assertEquals(List.of(25006L, 25017L, 25022L), msgs.stream().map(MessageInfo::uid).toList());
        assertEquals(6, msgs.get(0).size(), "size from S=");
        assertEquals(Set.of(Flags.FLAGGED, "$NonJunk"), msgs.get(1).flags());
        assertEquals("""
                3 V1275660208 N25023 G3085f01b7f11094c501100008c4a11c1
                25006 :1276528487.M364837P9451.kurkku,S=6,W=7
                25017 W2481 :1276533073.M242911P3632.kurkku
                25022 :1276533099.M1P1.kurkku
                """, Files.readString(maildir.resolve("dovecot-uidlist")));
        assertEquals(25023, inbox.append(mail("x\n"), Set.of(), DATE));
    }

    @Test
    void uidValidityIsFixedWhenTheListIsCreated() throws Exception {
        long before = Instant.now().getEpochSecond();
        Mailbox inbox = inbox();
        long v = inbox.uidValidity();
        // epoch seconds, possibly a little ahead: values are unique per process, and the tests
        // create many mailboxes per second
        assertTrue(v >= before && v <= Instant.now().getEpochSecond() + 10_000, "epoch seconds: " + v);
        assertEquals(1, inbox.uidNext());
        inbox.append(mail("x\n"), Set.of(), DATE);
        assertEquals(v, inbox().uidValidity());
    }

    @Test
    void brokenUidlistIsRebuiltWithANewUidValidity() throws Exception {
        Mailbox inbox = inbox();
        inbox.append(mail("x\n"), Set.of(), DATE);
        long v = inbox.uidValidity();
        Files.writeString(maildir.resolve("dovecot-uidlist"), "garbage\n");
        Mailbox again = inbox();
        assertEquals(List.of(1L), again.messages().stream().map(MessageInfo::uid).toList());
        assertTrue(again.uidValidity() != v);
        StoreException closed = assertThrows(StoreException.class, inbox::messages);
        assertEquals(StoreException.Reason.IO, closed.reason(), "a handle that saw the old UIDVALIDITY is closed");
    }

    @Test
    void failedAppendLeavesNoTrace() throws Exception {
        Mailbox inbox = inbox();
        InputStream broken = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ > 100) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };
        assertThrows(StoreException.class, () -> inbox.append(broken, Set.of(), DATE));
        for (String sub : new String[] {"tmp", "new", "cur"}) {
            assertEquals(List.of(), names(maildir.resolve(sub)), sub);
        }
        assertEquals(1, inbox.append(mail("ok\n"), Set.of(), DATE));
    }

    @Test
    void sessionBasics() throws Exception {
        try (MailboxSession s = store.open(alice)) {
            assertEquals('.', s.delimiter());
            assertEquals(alice, s.user());
            assertEquals("INBOX", s.open("inbox").name());
        }
    }

    @Test
    void headersAndValuesAreSharedByTheFolderAndSurviveFlagChanges() throws Exception {
        try (Mailbox a = inbox(); Mailbox b = inbox()) {
            long uid = a.append(mail(MAIL), Set.of(), DATE);
            try (InputStream in = a.openHeader(uid)) {
                assertEquals("From: a@example.org\r\nSubject: hi\r\n\r\n",
                        new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            byte[] env = {'(', ')'};
            a.cacheValue(uid, "imap.envelope", env);
            b.setFlags(List.of(uid), Set.of(Flags.SEEN)); // a rename: same base name
            assertSame(env, b.cachedValue(uid, "imap.envelope"));
            // Once the file is gone the header is not served from the cache either.
            b.addFlags(List.of(uid), Set.of(Flags.DELETED));
            b.expunge();
            assertThrows(StoreException.class, () -> a.openHeader(uid));
        }
    }

    @Test
    void aRenameByAnotherProgramJustAfterOursIsFoundOnceTheDirectorySettles() throws Exception {
        try (Mailbox box = inbox()) {
            long a = box.append(mail(MAIL), Set.of(), DATE);
            long b = box.append(mail(MAIL), Set.of(), DATE);
            box.messages();
            box.addFlags(List.of(a), Set.of(Flags.FLAGGED));
            // mutt renames b in (most likely) the same clock tick as our rename of a
            Path cur = maildir.resolve("cur");
            String other = names(cur).stream().filter(n -> !n.endsWith("F")).findFirst().orElseThrow();
            Files.move(cur.resolve(other), cur.resolve(other.substring(0, other.indexOf(":2,")) + ":2,S"));
            box.refresh();
            Thread.sleep(DirStamp.SETTLE_MILLIS + 100);
            MessageInfo seen = box.messages().stream().filter(m -> m.uid() == b).findFirst().orElseThrow();
            assertTrue(seen.flags().contains(Flags.SEEN), "found at the latest once the stamp settled");
        }
    }
}
