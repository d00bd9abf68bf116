package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.Line;

/**
 * Every command in every state, bad arguments, long lines and the bad-command limits: each gets
 * Dovecot's {@code -ERR} and the session goes on (until the limit of bad commands in a row).
 */
class StateTest {

    @Test
    void greetingAndCapaBeforeLogin() {
        Pop3Harness h = new Pop3Harness();
        assertEquals("+OK Tegami ready.\r\n", h.start());
        assertEquals("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\nSTLS\r\nUSER\r\n"
                + "SASL PLAIN LOGIN\r\nIMPLEMENTATION Tegami\r\n.\r\n", h.send("CAPA"));
        Pop3Harness g = new Pop3Harness();
        g.params.set("login_greeting", "Mail here.");
        assertEquals("+OK Mail here.\r\n", g.start());
    }

    @Test
    void capaFollowsTheConfiguredAndRegisteredMechanisms() {
        Pop3Harness h = new Pop3Harness();
        h.params.set("auth_mechanisms", "cram-md5 plain");
        h.start();
        assertTrue(h.send("CAPA").contains("\r\nSASL CRAM-MD5 PLAIN\r\n"));
        h.handler.removeMechanism(h.cram);
        assertTrue(h.send("CAPA").contains("\r\nSASL PLAIN\r\n"));
        h.handler.removeMechanism(h.plain);
        assertFalse(h.send("CAPA").contains("SASL"));
    }

    @Test
    void transactionCommandsBeforeLogin() {
        for (String cmd : new String[] {"STAT", "LIST", "LIST 1", "RETR 1", "DELE 1", "NOOP", "RSET", "TOP 1 1", "UIDL", "LAST"}) {
            Pop3Harness h = new Pop3Harness();
            h.inbox("alice").add("Subject: x\n\nbody\n");
            h.start();
            assertEquals("-ERR Unknown command.\r\n", h.send(cmd), cmd);
            assertTrue(h.open(), cmd + ": the session goes on");
            assertEquals("+OK\r\n", h.send("USER alice"));
            assertEquals("+OK Logged in.\r\n", h.send("PASS secret"));
        }
    }

    @Test
    void authorizationCommandsAfterLogin() {
        Pop3Harness h = new Pop3Harness();
        h.loginAlice();
        for (String cmd : new String[] {"USER alice", "PASS secret", "APOP alice 0123456789abcdef0123456789abcdef",
                "AUTH PLAIN", "STLS", "FOO"}) {
            String verb = cmd.split(" ")[0];
            assertEquals("-ERR Unknown command: " + verb + "\r\n", h.send(cmd), cmd);
            assertEquals("+OK\r\n", h.send("NOOP"), "the session goes on");
        }
        assertEquals("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\n"
                + "IMPLEMENTATION Tegami\r\n.\r\n", h.send("CAPA"));
        assertEquals("-ERR Unknown command: \r\n", h.send(""));
    }

    @Test
    void badMessageNumbersInEveryCommand() {
        Pop3Harness h = new Pop3Harness();
        h.inbox("alice").add("Subject: x\n\nbody\n");
        h.inbox("alice").add("Subject: y\n\nbody\n");
        h.loginAlice();
        for (String verb : new String[] {"LIST", "RETR", "DELE", "UIDL"}) {
            assertEquals("-ERR There's no message 3.\r\n", h.send(verb + " 3"), verb);
            assertEquals("-ERR There's no message 0.\r\n", h.send(verb + " 0"), verb);
            assertEquals("-ERR Invalid message number: x\r\n", h.send(verb + " x"), verb);
            assertEquals("-ERR Invalid message number: -1\r\n", h.send(verb + " -1"), verb);
            assertEquals("-ERR Noise after message number:  2\r\n", h.send(verb + " 1 2"), verb);
            assertEquals("-ERR Message number too large: 99999999999\r\n", h.send(verb + " 99999999999"), verb);
            assertEquals("+OK\r\n", h.send("NOOP"));
        }
        assertEquals("-ERR Invalid message number: \r\n", h.send("RETR"));
        assertEquals("-ERR Invalid message number: \r\n", h.send("DELE"));
        assertEquals("-ERR Noise after message number: \r\n", h.send("TOP 1"));
        assertEquals("-ERR Invalid size: x\r\n", h.send("TOP 1 x"));
        assertEquals("-ERR Invalid size: -1\r\n", h.send("TOP 1 -1"));
        assertEquals("-ERR Noise after size:  3\r\n", h.send("TOP 1 2 3"));
        assertEquals("-ERR There's no message 5.\r\n", h.send("TOP 5 1"));
        assertEquals("+OK 1 20\r\n", h.send("LIST   1"), "spaces before the argument are skipped");
        assertEquals("+OK 1 20\r\n", h.send("list 1"), "commands are case-insensitive");
        // Deleted messages: every command refuses them, listings skip them
        assertEquals("+OK Marked to be deleted.\r\n", h.send("DELE 1"));
        for (String cmd : new String[] {"LIST 1", "RETR 1", "DELE 1", "UIDL 1", "TOP 1 0"}) {
            assertEquals("-ERR Message is deleted.\r\n", h.send(cmd), cmd);
        }
        assertEquals("+OK\r\n2 000000026b09f2d0\r\n.\r\n", h.send("UIDL"));
        assertTrue(h.open());
    }

    @Test
    void tooManyBadCommandsBeforeLogin() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("-ERR Unknown command.\r\n", h.send("STAT"));
        assertEquals("-ERR Unknown command.\r\n", h.send("LIST"));
        assertEquals("+OK\r\n", h.send("USER alice"), "a good command resets the count");
        assertEquals("-ERR Unknown command.\r\n", h.send("STAT"));
        assertEquals("-ERR Unknown command.\r\n", h.send("STAT"));
        assertEquals("-ERR Unknown command.\r\n-ERR Too many invalid bad commands.\r\n", h.send("STAT"));
        assertFalse(h.open());
    }

    @Test
    void tooManyBadCommandsAfterLogin() {
        Pop3Harness h = new Pop3Harness();
        h.loginAlice();
        for (int i = 0; i < 20; i++) {
            assertEquals("-ERR Unknown command: X\r\n", h.send("X"));
        }
        assertTrue(h.open());
        assertEquals("-ERR Unknown command: X\r\n-ERR Too many bad commands.\r\n", h.send("X"));
        assertFalse(h.open());
    }

    @Test
    void overlongLinesGetAnErrorAndTheSessionGoesOn() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        h.line("USER " + "a".repeat(1500), Line.Ending.NONE);
        h.line("b".repeat(1500), Line.Ending.NONE);
        assertEquals("", h.connection.take(), "no answer before the line ends");
        assertEquals("-ERR Input line too long.\r\n", h.send("c"));
        assertEquals("+OK\r\n", h.send("USER alice"));
        assertEquals("+OK Logged in.\r\n", h.send("PASS secret"));
        assertEquals("-ERR Input line too long.\r\n", h.send("NOOP " + "x".repeat(3000)));
        assertEquals("+OK\r\n", h.send("NOOP"));
    }

    @Test
    void quitBeforeLogin() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("+OK Logging out\r\n", h.send("QUIT"));
        assertFalse(h.open());
        assertEquals("", h.send("NOOP"), "nothing after QUIT");
    }

    @Test
    void idleAndShutdownSayGoodbye() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        assertEquals("-ERR Disconnected for inactivity.\r\n", h.idle());
        assertFalse(h.open());
        Pop3Harness s = new Pop3Harness();
        s.loginAlice();
        assertEquals("-ERR [SYS/TEMP] Server shutting down.\r\n", s.shutdown());
        assertFalse(s.open());
    }

    @Test
    void bareLineFeedsAreTolerated() {
        Pop3Harness h = new Pop3Harness();
        h.start();
        h.line("USER alice", Line.Ending.LF);
        h.line("PASS secret", Line.Ending.LF);
        assertEquals("+OK\r\n+OK Logged in.\r\n", h.connection.take());
    }
}
