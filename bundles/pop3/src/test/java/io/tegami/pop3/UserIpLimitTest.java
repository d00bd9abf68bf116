package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.LoginInfo;
import io.tegami.api.net.testing.FakeConnection;

/**
 * Dovecot's {@code mail_max_userip_connections} for POP3 (Dovecot 2.3.19's replies, taken from
 * a real pop3-login), counted in the shared login registry, and the full listener's refusal.
 */
class UserIpLimitTest {

    private static final String LIMIT_2 = "-ERR [IN-USE] Maximum number of connections from user+IP exceeded "
            + "(mail_max_userip_connections=2)\r\n";

    private static List<String> users(Pop3Harness h) {
        return h.logins.logins().stream().map(LoginInfo::user).toList();
    }

    @Test
    void theThirdLoginFromOneAddressIsRefusedAndTheConnectionEnds() {
        Pop3Harness first = new Pop3Harness();
        first.params.set("pop3_lock_session", "no").set("mail_max_userip_connections", "2");
        assertEquals("+OK Logged in.\r\n", first.loginAlice());
        assertEquals("+OK Logged in.\r\n", first.another().loginAlice());
        Pop3Harness third = first.another();
        assertEquals(LIMIT_2, third.loginAlice());
        assertFalse(third.open(), "Dovecot hangs up after the refusal");
        assertEquals(List.of("alice", "alice"), users(first));
        assertEquals("pop3", first.logins.logins().get(0).protocol());

        Pop3Harness bob = first.another();
        bob.start();
        bob.send("USER bob");
        assertEquals("+OK Logged in.\r\n", bob.send("PASS hunter2"), "other users are counted apart");
        first.send("QUIT");
        assertEquals(List.of("alice", "bob"), users(first), "QUIT gives the slot back");
        assertEquals("+OK Logged in.\r\n", first.another().loginAlice());
    }

    @Test
    void saslLoginsAreCountedToo() {
        Pop3Harness h = new Pop3Harness();
        h.params.set("mail_max_userip_connections", "1");
        h.loginAlice();
        Pop3Harness second = h.another();
        second.start();
        assertEquals(LIMIT_2.replace("=2)", "=1)"), second.send("AUTH PLAIN AGFsaWNlAHNlY3JldA=="));
        assertFalse(second.open());
    }

    @Test
    void everyWayOfEndingGivesTheSlotBack() {
        Pop3Harness h = new Pop3Harness();
        h.loginAlice();
        h.drop();
        assertEquals(List.of(), users(h), "a dropped connection");
        Pop3Harness idle = h.another();
        idle.loginAlice();
        idle.idle();
        Pop3Harness kicked = h.another();
        kicked.loginAlice();
        assertEquals("-ERR [SYS/TEMP] Server shutting down.\r\n", kicked.shutdown(), "doveadm kick's goodbye");
        assertEquals(List.of(), users(h));
        h.store.broken.add("alice");
        h.another().loginAlice();
        assertEquals(List.of(), users(h), "a login that could not open the maildrop");
        assertEquals(4, h.logins.registrations());
    }

    @Test
    void aFullListenerGetsDovecotsRefusal() {
        Pop3Harness h = new Pop3Harness();
        FakeConnection c = new FakeConnection("pop3", 110);
        h.handler.refuse(c);
        assertEquals("-ERR Connection queue full\r\n", c.take());
        assertTrue(c.isOpen(), "the net layer closes it");
    }
}
