package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** postfix stop's drain: the goodbye after the current command, and after an AUTH exchange. */
class DrainTest {

    private static final String BYE = "-ERR [SYS/TEMP] Server shutting down.\r\n";

    @Test
    void aLoggedInSessionSaysGoodbyeAtOnce() {
        Pop3Harness h = new Pop3Harness();
        h.loginAlice();
        h.session.drainRequested();
        assertEquals(BYE, h.connection.take());
        assertFalse(h.open());
    }

    @Test
    void anAuthExchangeInProgressIsFinishedFirst() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("+ \r\n", h.send("AUTH PLAIN"));
        h.session.drainRequested();
        assertEquals("", h.connection.take());
        assertTrue(h.open());
        String b64 = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));
        assertEquals("+OK Logged in.\r\n" + BYE, h.send(b64));
        assertFalse(h.open());
    }
}
