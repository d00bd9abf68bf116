package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.store.MailStore;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import io.tegami.pop3.fake.FakeStore;

/**
 * The mail store service going away (its bundle stopped or updated) is told apart from a maildrop
 * that became inconsistent under a store that stays: an open session gets Dovecot's shutdown
 * words, a login while the store is away Dovecot's {@code Couldn't open INBOX} as a temporary
 * failure. The store goes as Declarative Services takes it away: unbound first, then its handles
 * are closed.
 */
class StoreAwayTest {

    static final String SHUTTING_DOWN = "-ERR [SYS/TEMP] Server shutting down.\r\n";
    static final String UNAVAILABLE = "-ERR [SYS/TEMP] Couldn't open INBOX: Mail storage is not available.\r\n";

    private static Pop3Harness withMail() {
        Pop3Harness h = new Pop3Harness();
        h.inbox("alice").add("Subject: 1\n\none\n");
        h.inbox("alice").add("Subject: 2\n\ntwo\n");
        return h;
    }

    @Test
    void storeStoppedUnderAnOpenSession() {
        Pop3Harness h = withMail();
        h.loginAlice();
        h.send("DELE 1");
        h.handler.removeStore(h.store);
        h.inbox("alice").closeHandles();
        assertEquals(SHUTTING_DOWN, h.send("NOOP"));
        assertFalse(h.open());
        assertEquals(List.of(1L, 2L), h.inbox("alice").uids(), "nothing deleted without QUIT");
        assertFalse(h.handler.locks().isLocked("maildir", "alice", "INBOX"));
    }

    @Test
    void storeUpdatedUnderAnOpenSession() {
        Pop3Harness h = withMail();
        h.loginAlice();
        h.handler.removeStore(h.store);
        h.inbox("alice").closeHandles();
        h.handler.addStore(new FakeStore(), Map.of(MailStore.TYPE, "maildir"));
        assertEquals(SHUTTING_DOWN, h.send("STAT"));
        assertFalse(h.open());
    }

    @Test
    void inconsistentMaildropUnderAStoreThatStays() {
        Pop3Harness h = withMail();
        h.loginAlice();
        h.inbox("alice").closeHandles();
        assertEquals("-ERR [SYS/TEMP] Mailbox is in inconsistent state, please relogin.\r\n", h.send("NOOP"));
        assertFalse(h.open());
    }

    @Test
    void loginWhileTheStoreIsAway() {
        Pop3Harness h = withMail();
        h.handler.removeStore(h.store);
        assertEquals(UNAVAILABLE, h.loginAlice());
        assertFalse(h.open());
        assertFalse(h.handler.locks().isLocked("maildir", "alice", "INBOX"));
        h.handler.addStore(h.store, Map.of(MailStore.TYPE, "maildir"));
        assertEquals("+OK Logged in.\r\n", h.another().loginAlice(), "back once the store is");
    }

    @Test
    void loginWhileTheStoreIsStopping() {
        Pop3Harness h = withMail();
        // A store that is unbound while the login opens it, and fails as a stopping store does.
        MailStore stopping = new MailStore() {
            @Override
            public MailboxSession open(User user) throws StoreException {
                h.handler.removeStore(this);
                throw new StoreException(StoreException.Reason.IO, "the store is stopping");
            }
        };
        h.handler.removeStore(h.store);
        h.handler.addStore(stopping, Map.of(MailStore.TYPE, "maildir"));
        assertEquals(UNAVAILABLE, h.loginAlice());
        assertFalse(h.open());
    }
}
