package io.tegami.store.mbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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
import io.tegami.api.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the mbox store writes to disk and what it makes of files written by others. */
class MboxFilesTest {

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

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String read(Mailbox box, long uid) throws Exception {
        try (InputStream in = box.openMessage(uid)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void noHook() {
        MboxRewriter.beforeCommit = null;
    }

    @Test
    void deliveryWritesPostfixStyleMboxrd() throws Exception {
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            String msg = "Return-Path: <bob@example.org>\r\nX-UID: 999\r\nStatus: RO\r\nx-imapbase: 1 9999999999\r\n"
                    + "From bob Mon Jan  6 10:00:00 2025\r\nSubject: hi\r\n\r\nFrom the start\r\n>From quoted\r\nend";
            long uid = box.append(text(msg), Set.of(), Instant.parse("2025-01-06T10:00:00Z"));
            assertEquals(1, uid);
            box.append(text("Subject: second\n\nx\n"), Set.of(Flags.SEEN, Flags.FLAGGED, "Work"), Instant.parse("2025-01-06T10:01:00Z"));
            String file = Files.readString(inbox());
            long validity = box.uidValidity();
            String expected = "From bob@example.org " + asctime("2025-01-06T10:00:00Z") + "\n"
                    + "Return-Path: <bob@example.org>\n"
                    + "Subject: hi\n"
                    + "X-IMAPbase: " + validity + " 0000000002 Work\n"
                    + "X-UID: 1\n"
                    + "Status: \n"
                    + "\n"
                    + ">From the start\n>>From quoted\nend\n"
                    + "\n"
                    + "From MAILER-DAEMON " + asctime("2025-01-06T10:01:00Z") + "\n"
                    + "Subject: second\n"
                    + "X-UID: 2\n"
                    + "Status: R\n"
                    + "X-Status: F\n"
                    + "X-Keywords: Work\n"
                    + "\n"
                    + "x\n"
                    + "\n";
            assertEquals(expected, file);
            // (A last line without LF gets one: an mbox message ends with a line, as in Postfix and Dovecot.)
            assertEquals("Return-Path: <bob@example.org>\r\nSubject: hi\r\n\r\nFrom the start\r\n>From quoted\r\nend\r\n",
                    read(box, 1), "the sender's metadata headers are gone, the body unquoted");
        }
    }

    private static String asctime(String iso) {
        byte[] line = FromLine.of("x", Instant.parse(iso)).format(java.time.ZoneId.systemDefault());
        return new String(line, StandardCharsets.UTF_8).substring("From x ".length()).strip();
    }

    @Test
    void flagsAndUidsSurviveAnotherProcess() throws Exception {
        long validity;
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            box.append(text("Subject: a\n\na\n"), Set.of(), null);
            long b = box.append(text("Subject: b\n\nb\n"), Set.of(), null);
            box.addFlags(List.of(b), Set.of(Flags.ANSWERED, Flags.DRAFT, "$Label1"));
            validity = box.uidValidity();
        }
        String file = Files.readString(inbox());
        assertTrue(file.contains("X-IMAPbase: " + validity + " 0000000002 $Label1\n"), file);
        assertTrue(file.contains("X-UID: 2\nStatus: \nX-Status: AT\nX-Keywords: $Label1\n"), file);
        // A new store instance knows nothing but the file: as another process would.
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            assertEquals(validity, box.uidValidity());
            List<MessageInfo> list = box.messages();
            assertEquals(List.of(1L, 2L), list.stream().map(MessageInfo::uid).toList());
            assertEquals(Set.of(Flags.ANSWERED, Flags.DRAFT, "$Label1"), list.get(1).flags());
            assertEquals(3, box.uidNext());
        }
    }

    @Test
    void postfixAppendsGetUidsWrittenToTheFile() throws Exception {
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            box.append(text("Subject: ours\n\nx\n"), Set.of(), null);
            // Postfix local delivers behind our back: From_ line, quoted body, empty line.
            Files.writeString(inbox(), "From bob@example.org  Mon Jan  6 10:00:00 2025\nSubject: theirs\n\n>From x\n\n",
                    StandardOpenOption.APPEND);
            List<MessageInfo> list = box.messages();
            assertEquals(List.of(1L, 2L), list.stream().map(MessageInfo::uid).toList());
            assertEquals("Subject: theirs\r\n\r\nFrom x\r\n", read(box, 2));
        }
        String file = Files.readString(inbox());
        assertTrue(file.contains("Subject: theirs\nX-UID: 2\n"), "the UID is in the file before anyone sees it: " + file);
        assertTrue(file.contains(" 0000000002\n"), file);
    }

    @Test
    void readsWhatDovecotWrites() throws Exception {
        // As Dovecot 2.3 leaves an mbox: padding in X-Keywords, Content-Length, an unquoted From_ line.
        String body = "body two\n\nFrom someone Mon Jan  6 10:05:00 2025\nmore\n";
        String text = "From MAILER-DAEMON  Mon Jan  6 10:00:00 2025\n"
                + "X-IMAPbase: 1700000000 0000000005 Work NewKw $Fwd                      \n"
                + "From: Bob <bob@example.org>\nSubject: one\nX-UID: 1\nStatus: RO\nX-Status: F\n"
                + "X-Keywords: Work                                                  \n\nbody one\n\n"
                + "From bob@example.org Mon Jan  6 10:01:00 2025\nSubject: two\nStatus: O\nX-Status: A\n"
                + "X-Keywords: NewKw $Fwd Unknown          \nX-UID: 5\nContent-Length: " + body.length() + "\n\n" + body + "\n";
        Files.createDirectories(inbox().getParent());
        Files.writeString(inbox(), text);
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            assertEquals(1700000000L, box.uidValidity());
            List<MessageInfo> list = box.messages();
            assertEquals(List.of(1L, 5L), list.stream().map(MessageInfo::uid).toList());
            assertEquals(Set.of(Flags.SEEN, Flags.FLAGGED, "Work"), list.get(0).flags());
            assertEquals(Set.of(Flags.ANSWERED, "NewKw", "$Fwd"), list.get(1).flags());
            assertEquals(List.of("Work", "NewKw", "$Fwd"), box.keywords());
            assertEquals("Subject: two\r\n\r\n" + body.replace("\n", "\r\n"), read(box, 5));
            assertEquals(6, box.uidNext());
        }
        assertEquals(text, Files.readString(inbox()), "reading alone changes nothing");
    }

    @Test
    void uidsSurviveExpungingEverything() throws Exception {
        long validity;
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            for (int i = 0; i < 3; i++) {
                box.append(text("Subject: " + i + "\n\nx\n"), Set.of(Flags.DELETED), null);
            }
            assertEquals(List.of(1L, 2L, 3L), box.expunge());
            validity = box.uidValidity();
        }
        String file = Files.readString(inbox());
        assertTrue(file.contains("X-IMAP: " + validity + " 0000000003\n"), "a pseudo message keeps the UID state: " + file);
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            assertEquals(List.of(), box.messages(), "the pseudo message is no message");
            assertEquals(validity, box.uidValidity());
            assertEquals(4, box.append(text("Subject: again\n\nx\n"), Set.of(), null));
        }
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            assertEquals(List.of(4L), box.messages().stream().map(MessageInfo::uid).toList());
        }
    }

    @Test
    void aCrashBeforeTheRenameLosesNothing() throws Exception {
        MboxStore store = store();
        try (MailboxSession s = store.open(alice()); Mailbox box = s.open("INBOX")) {
            box.append(text("Subject: keep\n\nx\n"), Set.of(), null);
            box.append(text("Subject: doomed\n\nx\n"), Set.of(Flags.DELETED), null);
            String before = Files.readString(inbox());
            MboxRewriter.beforeCommit = () -> {
                throw new IllegalStateException("power failure");
            };
            assertThrows(RuntimeException.class, box::expunge);
            assertEquals(before, Files.readString(inbox()), "the mailbox is untouched");
            assertTrue(Files.exists(MboxRewriter.tempFor(inbox())), "the half-done rewrite is left, as after a crash");
            MboxRewriter.beforeCommit = null;
        }
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            assertEquals(2, box.messages().size());
            assertEquals(List.of(2L), box.expunge());
            assertFalse(Files.exists(MboxRewriter.tempFor(inbox())), "the next writer cleans up");
            assertEquals("Subject: keep\r\n\r\nx\r\n", read(box, 1));
        }
    }

    @Test
    void modSeqNeverGoesBackAcrossRestarts() throws Exception {
        long highest;
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            long uid = box.append(text("Subject: a\n\nx\n"), Set.of(), null);
            for (int i = 0; i < 5; i++) {
                box.addFlags(List.of(uid), Set.of("k" + i));
            }
            highest = box.highestModSeq();
        }
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            assertTrue(box.highestModSeq() > highest);
        }
    }

    @Test
    void damagedHeaderIsRebuiltNotFailed() throws Exception {
        long validity;
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            box.append(text("Subject: a\n\nx\n"), Set.of(Flags.SEEN), null);
            box.append(text("Subject: b\n\nx\n"), Set.of(), null);
            validity = box.uidValidity();
        }
        Files.writeString(inbox(), Files.readString(inbox()).replaceFirst("X-IMAPbase: \\d+", "X-IMAPbase: x"));
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            assertNotEquals(validity, box.uidValidity());
            assertEquals(2, box.messages().size());
            assertEquals(Set.of(Flags.SEEN), box.messages().get(0).flags());
        }
        assertTrue(Files.readString(inbox()).contains("X-IMAPbase: "));
        assertFalse(Files.readString(inbox()).contains("X-IMAPbase: x"));
    }

    @Test
    void notAnMboxIsAnErrorNotARewrite() throws Exception {
        Files.createDirectories(inbox().getParent());
        Files.writeString(inbox(), "this is no mailbox\n");
        try (MailboxSession s = store().open(alice()); Mailbox box = s.open("INBOX")) {
            StoreException e = assertThrows(StoreException.class, box::messages);
            assertEquals(StoreException.Reason.IO, e.reason());
        }
        assertEquals("this is no mailbox\n", Files.readString(inbox()));
    }
}
