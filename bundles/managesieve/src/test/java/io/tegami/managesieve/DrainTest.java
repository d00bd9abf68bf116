package io.tegami.managesieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** postfix stop's drain: BYE between commands, after a PUTSCRIPT whose literal is on its way. */
class DrainTest {

    private static final String BYE = "BYE \"Server shutting down.\"\r\n";

    @TempDir
    Path dir;

    @Test
    void betweenCommandsTheByeComesAtOnce() {
        Harness h = new Harness(dir);
        h.start();
        h.login();
        h.session.drainRequested();
        assertEquals(BYE, h.connection.take());
        assertFalse(h.connection.isOpen());
    }

    @Test
    void aScriptBeingUploadedIsStoredFirst() {
        Harness h = new Harness(dir);
        h.start();
        h.login();
        h.send("PUTSCRIPT \"main\" {7+}\r\n");
        h.session.drainRequested();
        assertEquals("", h.connection.take());
        assertTrue(h.connection.isOpen());
        assertEquals("OK \"PUTSCRIPT completed.\"\r\n" + BYE, h.send("keep;\r\n\r\n"));
        assertFalse(h.connection.isOpen());
    }
}
