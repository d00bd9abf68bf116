package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tegami.api.store.Flags;

/**
 * RFC 1939's UPDATE state: messages marked by DELE go only when QUIT is received in the
 * TRANSACTION state; a connection that ends any other way (dropped, idle, shut down) deletes
 * nothing. Retrieved messages get {@code \Seen} either way, as in Dovecot.
 */
class UpdateTest {

    private static Pop3Harness withThree() {
        Pop3Harness h = new Pop3Harness();
        h.inbox("alice").add("Subject: 1\n\none\n");
        h.inbox("alice").add("Subject: 2\n\ntwo\n");
        h.inbox("alice").add("Subject: 3\n\nthree\n", Flags.SEEN);
        return h;
    }

    @Test
    void quitRemovesExactlyTheMarkedMessages() {
        Pop3Harness h = withThree();
        h.loginAlice();
        h.send("DELE 1");
        h.send("DELE 3");
        assertEquals(3, h.inbox("alice").uids().size(), "nothing happens before QUIT");
        assertEquals("+OK Logging out, messages deleted.\r\n", h.send("QUIT"));
        assertEquals(List.of(2L), h.inbox("alice").uids());
        assertEquals(0, h.inbox("alice").openHandles(), "the handle is closed");
        assertEquals(h.store.sessionsOpened, h.store.sessionsClosed);
    }

    @Test
    void droppedConnectionDeletesNothingButMarksRetrievedMessagesSeen() {
        Pop3Harness h = withThree();
        h.loginAlice();
        h.send("RETR 1");
        h.send("DELE 1");
        h.send("DELE 2");
        h.drop();
        assertEquals(List.of(1L, 2L, 3L), h.inbox("alice").uids());
        assertEquals(Set.of(Flags.SEEN), h.inbox("alice").flags(1));
        assertEquals(Set.of(), h.inbox("alice").flags(2), "no \\Deleted left behind");
        assertEquals(0, h.inbox("alice").openHandles());
    }

    @Test
    void idleAndShutdownDeleteNothing() {
        Pop3Harness h = withThree();
        h.loginAlice();
        h.send("DELE 1");
        h.idle();
        Pop3Harness s = h.another();
        s.loginAlice();
        s.send("DELE 2");
        s.shutdown();
        assertEquals(List.of(1L, 2L, 3L), h.inbox("alice").uids());
    }

    @Test
    void rsetForgetsDeletionsAndSeenFlags() {
        Pop3Harness h = withThree();
        h.loginAlice();
        h.send("RETR 2");
        h.send("DELE 1");
        assertEquals("+OK\r\n", h.send("RSET"));
        assertEquals("+OK Logging out.\r\n", h.send("QUIT"));
        assertEquals(List.of(1L, 2L, 3L), h.inbox("alice").uids());
        assertFalse(h.inbox("alice").flags(2).contains(Flags.SEEN));
    }

    @Test
    void noFlagUpdatesLeavesSeenAlone() {
        Pop3Harness h = withThree();
        h.params.set("pop3_no_flag_updates", "yes");
        h.loginAlice();
        h.send("RETR 1");
        h.send("QUIT");
        assertFalse(h.inbox("alice").flags(1).contains(Flags.SEEN));
    }

    @Test
    void messagesFlaggedDeletedByImapAreLeftToImap() {
        Pop3Harness h = withThree();
        h.inbox("alice").flag(2, Flags.DELETED);
        h.loginAlice();
        h.send("DELE 1");
        h.send("QUIT");
        assertEquals(List.of(2L, 3L), h.inbox("alice").uids());
    }

    @Test
    void snapshotIgnoresNewMailAndSurvivesExpungesByOthers() {
        Pop3Harness h = withThree();
        h.loginAlice();
        h.inbox("alice").add("Subject: 4\n\nnew\n");
        h.inbox("alice").expungeBehindTheBack(2);
        assertEquals("+OK 3 59\r\n", h.send("STAT"), "the snapshot of login");
        assertEquals("-ERR Message 2 expunged.\r\n", h.send("RETR 2"));
        assertEquals("+OK Marked to be deleted.\r\n", h.send("DELE 2"));
        assertEquals("+OK Logging out, messages deleted.\r\n", h.send("QUIT"));
        assertEquals(List.of(1L, 3L, 4L), h.inbox("alice").uids());
    }

    @Test
    void storeFailureAtQuitKeepsTheMessages() {
        Pop3Harness h = withThree();
        h.loginAlice();
        h.send("DELE 1");
        h.inbox("alice").brokenExpunge = true;
        assertEquals("-ERR [SYS/TEMP] Internal error occurred. Refer to server log for more information.\r\n",
                h.send("QUIT"));
        assertFalse(h.open());
        assertTrue(h.inbox("alice").uids().contains(1L));
    }

    @Test
    void storeGoingAwayEndsTheSession() {
        Pop3Harness h = withThree();
        h.loginAlice();
        h.send("DELE 1");
        h.inbox("alice").closeHandles();
        assertEquals("-ERR [SYS/TEMP] Mailbox is in inconsistent state, please relogin.\r\n", h.send("QUIT"));
        assertFalse(h.open());
        assertEquals(3, h.inbox("alice").uids().size());
    }

    @Test
    void readErrorBeforeTheReplyIsATemporaryError() {
        Pop3Harness h = withThree();
        h.loginAlice();
        h.inbox("alice").brokenReads = true;
        assertEquals("-ERR [SYS/TEMP] Internal error occurred. Refer to server log for more information.\r\n",
                h.send("RETR 1"));
        assertTrue(h.open());
    }
}
