package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** postfix stop's drain: never cut a transaction, 421 to the next command after it. */
class DrainTest {

    private static final String BYE = "421 4.3.2 host Service shutting down, closing transmission channel\r\n";

    private final SmtpHarness smtp = new SmtpHarness();

    @Test
    void midDataTheMessageIsFinishedThenTheNextCommandGets421() {
        smtp.start();
        smtp.openData();
        smtp.send("Subject: slow");
        smtp.session.drainRequested();
        assertEquals("", smtp.connection.take(), "nothing said in the middle of DATA");
        assertTrue(smtp.connection.isOpen());
        smtp.send("");
        smtp.send("body");
        String end = smtp.send(".");
        assertTrue(end.startsWith("250 2.0.0 Ok: queued as "), end);
        assertEquals(1, smtp.queue.committed().size());
        assertEquals(BYE, smtp.send("MAIL FROM:<next@example.com>"));
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void anOpenTransactionMayGoOnToItsEnd() {
        smtp.start();
        smtp.pipeline("EHLO client.example", "MAIL FROM:<sender@example.com>");
        smtp.session.drainRequested();
        assertEquals("", smtp.connection.take());
        assertTrue(smtp.send("RCPT TO:<alice@localhost>").startsWith("250 "));
        assertTrue(smtp.send("DATA").startsWith("354 "));
        assertTrue(smtp.pipeline("x", ".").startsWith("250 2.0.0 Ok: queued as "));
        assertEquals(BYE, smtp.send("RSET"));
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void anIdleSessionSaysGoodbyeAtOnce() {
        smtp.start();
        smtp.send("EHLO client.example");
        smtp.session.drainRequested();
        assertEquals(BYE, smtp.connection.take());
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void quitAfterTheTransactionIsAnsweredAsUsual() {
        smtp.start();
        smtp.openData();
        smtp.session.drainRequested();
        smtp.pipeline("x", ".");
        assertTrue(smtp.send("QUIT").startsWith("221 2.0.0 "));
        assertFalse(smtp.connection.isOpen());
    }
}
