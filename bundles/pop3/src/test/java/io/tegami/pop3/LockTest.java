package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The POP3 session lock: a second POP3 session of the same user gets {@code -ERR [IN-USE]} while
 * the first lasts, however the first ends; other users and other protocols are not held up.
 */
class LockTest {

    private static final String IN_USE = "-ERR [IN-USE] Mailbox is locked by another POP3 session.\r\n";

    @Test
    void secondSessionOfTheSameUserIsRefused() {
        Pop3Harness first = new Pop3Harness();
        first.inbox("alice").add("Subject: x\n\nbody\n");
        assertEquals("+OK Logged in.\r\n", first.loginAlice());
        Pop3Harness second = first.another();
        assertEquals(IN_USE, second.loginAlice());
        assertFalse(second.open(), "the refused session ends, as in Dovecot");
        assertEquals(1, first.inbox("alice").openHandles(), "the refused session opened nothing");
        assertEquals("+OK 1 20\r\n", first.send("STAT"), "the first session goes on");
        Pop3Harness bob = first.another();
        bob.start();
        bob.send("USER bob");
        assertEquals("+OK Logged in.\r\n", bob.send("PASS hunter2"), "another user is not held up");
    }

    @Test
    void lockIsReleasedHoweverTheSessionEnds() {
        Pop3Harness h = new Pop3Harness();
        h.loginAlice();
        h.send("QUIT");
        Pop3Harness after = h.another();
        assertEquals("+OK Logged in.\r\n", after.loginAlice(), "after QUIT");
        after.drop();
        Pop3Harness again = h.another();
        assertEquals("+OK Logged in.\r\n", again.loginAlice(), "after a dropped connection");
        again.idle();
        Pop3Harness third = h.another();
        assertEquals("+OK Logged in.\r\n", third.loginAlice(), "after an idle timeout");
        third.shutdown();
        assertFalse(h.handler.locks().isLocked("maildir", "alice", "INBOX"));
    }

    @Test
    void lockIsReleasedWhenTheStoreCannotBeOpened() {
        Pop3Harness h = new Pop3Harness();
        h.store.broken.add("alice");
        assertEquals("-ERR [SYS/TEMP] Internal error occurred. Refer to server log for more information.\r\n",
                h.loginAlice());
        assertFalse(h.open());
        assertFalse(h.handler.locks().isLocked("maildir", "alice", "INBOX"));
        h.store.broken.clear();
        assertEquals("+OK Logged in.\r\n", h.another().loginAlice());
    }

    @Test
    void lockSessionNoAllowsConcurrentSessions() {
        Pop3Harness first = new Pop3Harness();
        first.params.set("pop3_lock_session", "no");
        first.loginAlice();
        assertEquals("+OK Logged in.\r\n", first.another().loginAlice());
    }

    @Test
    void missingStoreIsATemporaryFailure() {
        Pop3Harness h = new Pop3Harness();
        h.users.fields("alice", Map.of("userdb_mail", "mbox:~/mail"));
        assertEquals("-ERR [SYS/TEMP] Couldn't open INBOX: Mail storage is not available.\r\n", h.loginAlice());
        assertFalse(h.handler.locks().isLocked("mbox", "alice", "INBOX"));
        h.handler.removeStore(h.store);
        h.users.fields("alice", Map.of());
        assertTrue(h.another().loginAlice().startsWith("-ERR [SYS/TEMP] "), "no maildir store either");
    }

    @Test
    void storeIsChosenByTheUserOrTheMailLocation() {
        Pop3Harness h = new Pop3Harness();
        io.tegami.pop3.fake.FakeStore mbox = new io.tegami.pop3.fake.FakeStore();
        mbox.inbox("alice").add("Subject: in mbox\n\nx\n");
        h.handler.addStore(mbox, Map.of("type", "mbox"));
        h.params.set("mail_location", "mbox:~/mail:INBOX=/var/mail/%u");
        assertEquals("+OK Logged in.\r\n", h.loginAlice());
        assertEquals("+OK 1 " + "Subject: in mbox\r\n\r\nx\r\n".length() + "\r\n", h.send("STAT"));
        assertTrue(h.handler.locks().isLocked("mbox", "alice", "INBOX"));
    }
}
