package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;

/**
 * Two sessions on one folder see each other's changes as untagged responses, only where RFC 3501
 * 7.4.1 allows them (no EXPUNGE during FETCH, STORE or SEARCH), and IDLE (RFC 2177) reports
 * deliveries as they happen.
 */
class ConcurrencyTest {

    static final String MSG = "Subject: hi\r\n\r\nhello\r\n";

    @TempDir
    Path dir;
    ImapHarness server;
    ImapClient a;
    ImapClient b;

    @BeforeEach
    void start() {
        server = new ImapHarness(dir);
        a = server.alice();
        b = server.alice();
        for (int i = 0; i < 3; i++) {
            a.send("p APPEND INBOX {" + MSG.length() + "+}\r\n" + MSG + "\r\n");
        }
        a.expectOk("s SELECT INBOX");
        b.expectOk("s SELECT INBOX");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Delivers a message the way the delivery agent does: through a handle of its own. */
    void deliver() throws Exception {
        try (MailboxSession s = server.store.open(server.users.user("alice")); Mailbox inbox = s.open("INBOX")) {
            inbox.append(new ByteArrayInputStream(MSG.getBytes(StandardCharsets.US_ASCII)), Set.of(), null);
        }
    }

    @Test
    void appendsAndFlagChangesShowUpAtTheNextCommand() {
        b.send("x APPEND INBOX {" + MSG.length() + "+}\r\n" + MSG + "\r\n");
        // a selected first: it holds \\Recent for all four.
        assertEquals("* 4 EXISTS\r\n* 4 RECENT\r\nn OK NOOP completed.\r\n", a.command("n NOOP"));
        b.expectOk("y STORE 2 +FLAGS.SILENT (\\Flagged)");
        assertEquals("* 2 FETCH (FLAGS (\\Flagged \\Recent))\r\nm OK NOOP completed.\r\n", a.command("m NOOP"));
        assertEquals("k OK NOOP completed.\r\n", a.command("k NOOP"));
    }

    @Test
    void expungesWaitWhileFetchStoreAndSearchRun() {
        b.expectOk("x STORE 2 +FLAGS.SILENT (\\Deleted)");
        b.expectOk("y EXPUNGE");
        String fetch = a.command("f FETCH 1:3 (FLAGS)");
        assertFalse(fetch.contains("EXPUNGE"), fetch);
        assertTrue(fetch.contains("* 3 FETCH"), "sequence numbers have not shifted: " + fetch);
        assertFalse(a.command("g STORE 3 +FLAGS.SILENT (\\Seen)").contains("EXPUNGE"));
        String search = a.command("h SEARCH ALL");
        assertTrue(search.startsWith("* SEARCH 1 2 3\r\n"), search);
        assertFalse(search.contains("EXPUNGE"), search);
        // The body of the expunged message is gone: the FETCH says so.
        assertEquals("i NO [EXPUNGEISSUED] Some of the requested messages no longer exist.\r\n", a.command("i FETCH 2 BODY.PEEK[]"));
        assertEquals("* 2 EXPUNGE\r\nn OK NOOP completed.\r\n", a.command("n NOOP"));
        assertTrue(a.command("o FETCH 2 UID").contains("* 2 FETCH (UID 3)"));
    }

    @Test
    void uidCommandsMayAnnounceExpunges() {
        b.expectOk("x STORE 1 +FLAGS.SILENT (\\Deleted)");
        b.expectOk("y EXPUNGE");
        assertEquals("* 2 FETCH (UID 2 FLAGS (\\Recent))\r\n* 1 EXPUNGE\r\nf OK Fetch completed.\r\n",
                a.command("f UID FETCH 2 FLAGS"));
    }

    @Test
    void aNewMessageAddedAndRemovedBetweenCommandsIsNeverAnnounced() throws Exception {
        b.send("x APPEND INBOX (\\Deleted) {" + MSG.length() + "+}\r\n" + MSG + "\r\n");
        b.expectOk("y NOOP");
        b.expectOk("z EXPUNGE");
        assertEquals("n OK NOOP completed.\r\n", a.command("n NOOP"));
    }

    @Test
    void idleReportsADeliveryAsItHappens() throws Exception {
        assertEquals("+ idling\r\n", a.command("i IDLE"));
        deliver();
        assertEquals("* 4 EXISTS\r\n* 4 RECENT\r\n", a.await("RECENT", 5000));
        b.expectOk("x STORE 1 +FLAGS.SILENT (\\Deleted)");
        assertEquals("* 1 FETCH (FLAGS (\\Deleted \\Recent))\r\n", a.await("FETCH", 5000));
        b.expectOk("y EXPUNGE");
        assertEquals("* 1 EXPUNGE\r\n", a.await("EXPUNGE", 5000));
        // Events that come before the session thread is free are announced together, once.
        b.expectOk("z STORE 1 +FLAGS.SILENT (\\Seen)");
        b.expectOk("w STORE 1 -FLAGS.SILENT (\\Seen)");
        deliver();
        assertEquals(1, a.connection.pendingTasks(), "one wake-up queued for three events");
        assertEquals("", a.connection.take(), "nothing is written off the session thread");
        assertEquals("* 4 EXISTS\r\n* 4 RECENT\r\n* 1 FETCH (FLAGS (\\Recent))\r\n", a.runTasks());
        assertEquals("i OK Idle completed.\r\n", a.command("DONE"));
        assertEquals("j OK NOOP completed.\r\n", a.command("j NOOP"));
    }

    @Test
    void idleWithoutDoneIsBad() {
        a.command("i IDLE");
        assertEquals("i BAD Expected DONE.\r\n", a.command("NOOP"));
        assertEquals("+ idling\r\n", a.command("j IDLE"));
        assertEquals("j OK Idle completed.\r\n", a.command("done"));
    }

    @Test
    void idleKeepaliveAndExternalChanges() throws Exception {
        server.params.set("imap_idle_notify_interval", "0");
        a.command("i IDLE");
        ((io.tegami.imap.session.ImapSession) a.session).idleCheck();
        assertEquals("* OK Still here\r\n", a.connection.take());
        a.command("DONE");
    }

    @Test
    void idleInTheAuthenticatedStateToo() {
        ImapClient c = server.alice();
        assertEquals("+ idling\r\n", c.command("i IDLE"));
        assertEquals("i OK Idle completed.\r\n", c.command("DONE"));
    }

    @Test
    void deletingTheSelectedMailboxElsewhereEndsTheSession() {
        a.expectOk("c CREATE Tmp");
        a.expectOk("d SELECT Tmp");
        b.expectOk("e DELETE Tmp");
        String out = a.command("n NOOP");
        assertTrue(out.startsWith("* BYE Selected mailbox was deleted, have to disconnect.\r\n"), out);
        assertTrue(a.isClosed());
    }
}
