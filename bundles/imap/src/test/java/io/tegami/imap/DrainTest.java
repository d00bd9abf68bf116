package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** postfix stop's drain: BYE between commands or in IDLE, never in the middle of an APPEND. */
class DrainTest {

    private static final String BYE = "* BYE Server shutting down.\r\n";

    @TempDir
    Path dir;
    ImapHarness server;

    @BeforeEach
    void start() {
        server = new ImapHarness(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void betweenCommandsTheByeComesAtOnce() {
        ImapClient c = server.alice();
        c.session.drainRequested();
        assertEquals(BYE, c.connection.take());
        assertFalse(c.connection.isOpen());
    }

    @Test
    void duringIdleTheByeComesAtOnce() {
        ImapClient c = server.alice();
        c.expectOk("s SELECT INBOX");
        assertTrue(c.command("i IDLE").startsWith("+ idling"));
        c.session.drainRequested();
        assertEquals(BYE, c.connection.take());
        assertFalse(c.connection.isOpen());
    }

    @Test
    void anAppendInProgressIsFinishedFirst() {
        ImapClient c = server.alice();
        assertEquals("+ OK\r\n", c.send("a APPEND INBOX {21}\r\n"));
        c.session.drainRequested();
        assertEquals("", c.connection.take(), "nothing in the middle of the literal");
        String out = c.send("Subject: hi\r\n\r\nbody\r\n\r\n");
        assertTrue(out.contains("a OK [APPENDUID "), out);
        assertTrue(out.endsWith(BYE), out);
        assertFalse(c.connection.isOpen());
        ImapClient d = server.alice();
        assertTrue(d.command("s STATUS INBOX (MESSAGES)").contains("(MESSAGES 1)"));
    }
}
