package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tegami.api.net.Line.Ending;

/** The DATA phase: streaming, dot-unstuffing, size limit, bare LF, queue failures. */
class DataTest {

    private final SmtpHarness smtp = new SmtpHarness();

    @BeforeEach
    void greet() {
        smtp.start();
    }

    @Test
    void contentIsDotUnstuffedWithLfEndings() {
        smtp.openData();
        smtp.pipeline("Subject: dots", "", "..", ".leading", "...two", "middle . dot", "");
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.send("."));
        assertEquals("Subject: dots\n\n.\nleading\n..two\nmiddle . dot\n\n", smtp.queuedBody());
    }

    @Test
    void longLinesArriveInFragmentsAndAreJoined() {
        smtp.openData();
        // A long line cut by the net layer: only the first piece is at the start of a line.
        smtp.line(".frag", Ending.NONE);
        smtp.line("ment.", Ending.NONE);
        smtp.line(".end", Ending.CRLF);
        // A fragment that is just "." is not the end of data, and neither is "." continuing a line.
        smtp.line(".", Ending.NONE);
        smtp.line("x", Ending.CRLF);
        smtp.line("a", Ending.NONE);
        smtp.line(".", Ending.CRLF);
        assertEquals("", smtp.connection.take());
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.send("."));
        assertEquals("fragment..end\nx\na.\n", smtp.queuedBody());
    }

    @Test
    void contentStartingWithWhiteSpaceCannotContinueOurReceivedHeader() {
        smtp.openData();
        smtp.pipeline(" folded: into Received?", "body", ".");
        assertEquals("\n folded: into Received?\nbody\n", smtp.queuedBody());
    }

    @Test
    void messageOverTheLimitIsReadToTheEndAndRefused() {
        smtp.params.set("message_size_limit", "20");
        smtp.openData();
        assertEquals("", smtp.pipeline("0123456789", "0123456789", "more"));
        assertEquals(1, smtp.queue.discarded(), "the queue file is dropped as soon as the limit is passed");
        assertEquals("552 5.3.4 Error: message file too big\r\n", smtp.send("."));
        assertTrue(smtp.queue.committed().isEmpty());
        assertTrue(smtp.connection.isOpen());
        // The transaction is over; a new one may start.
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"));
    }

    @Test
    void messageExactlyAtTheLimitIsAccepted() {
        // "0123456789" CRLF counts 12, twice: 24.
        smtp.params.set("message_size_limit", "24");
        smtp.openData();
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.pipeline("0123456789", "0123456789", "."));
    }

    @Test
    void bareLineFeedInDataIsNormalizedAndOnlyCrLfDotCrLfEndsIt() {
        // Postfix 3.9's default, smtpd_forbid_bare_newline = normalize, for clients outside $mynetworks.
        smtp.params.set("mynetworks", "192.0.2.0/24");
        smtp.openData();
        assertEquals("", smtp.wire("Subject: smuggling\r\n\r\nhello\n.\nMAIL FROM:<evil@example.com>\r\n"));
        assertTrue(smtp.queue.committed().isEmpty(), "the smuggled dot does not end the message");
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.wire(".\r\n"));
        assertEquals("Subject: smuggling\n\nhello\nMAIL FROM:<evil@example.com>\n", smtp.queuedBody());
        assertTrue(smtp.connection.isOpen());
    }

    @Test
    void bareCarriageReturnIsNeitherALineEndNorAnEndOfData() {
        smtp.params.set("mynetworks", "192.0.2.0/24");
        smtp.openData();
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.wire("a\r.\rb\r\n.\r\n"));
        assertEquals("a . b\n", smtp.queuedBody());
    }

    @Test
    void rejectRefusesAMessageWithABareLineFeedAfterItsEnd() {
        smtp.params.set("mynetworks", "192.0.2.0/24").set("smtpd_forbid_bare_newline", "reject");
        smtp.openData();
        assertEquals("550 5.5.2 host Error: bare <LF> received\r\n", smtp.wire("Subject: x\r\n\r\nhello\n.\nbye\r\n.\r\n"));
        assertTrue(smtp.queue.committed().isEmpty());
        assertTrue(smtp.connection.isOpen(), "550 does not hang up");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"));
    }

    @Test
    void rejectWith521HangsUp() {
        smtp.params.set("mynetworks", "192.0.2.0/24").set("smtpd_forbid_bare_newline", "reject")
                .set("smtpd_forbid_bare_newline_reject_code", "521");
        smtp.openData();
        assertEquals("521 5.5.2 host Error: bare <LF> received\r\n", smtp.wire("x\n\r\n.\r\n"));
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void mynetworksAreExcludedAndGetTheOldBehaviour() {
        smtp.params.set("smtpd_forbid_bare_newline", "reject"); // the harness client is 127.0.0.1
        smtp.openData();
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.wire("hello\n.\n"));
    }

    @Test
    void bareLineFeedInCommandsIsToleratedUnlessRejected() {
        smtp.line("NOOP", Ending.LF);
        assertEquals("250 2.0.0 Ok\r\n", smtp.connection.take());
        smtp.params.set("mynetworks", "192.0.2.0/24").set("smtpd_forbid_bare_newline", "reject");
        smtp.line("NOOP", Ending.LF);
        assertEquals("550 5.5.2 host Error: bare <LF> received\r\n", smtp.connection.take());
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void missingQueueIsATemporaryError() {
        smtp.queueService = null;
        smtp.start();
        assertTrue(smtp.openData().endsWith("451 4.3.0 Error: queue file write error\r\n"));
        // Still in the transaction: the client may try again.
        assertEquals("503 5.5.1 Error: nested MAIL command\r\n", smtp.send("MAIL FROM:<a@b.example>"));
    }

    @Test
    void queueCreateFailureIsATemporaryError() {
        smtp.queue.failCreate(true);
        assertTrue(smtp.openData().endsWith("451 4.3.0 Error: queue file write error\r\n"));
    }

    @Test
    void commitFailureIsATemporaryError() {
        smtp.queue.failCommit(true);
        smtp.openData();
        assertEquals("451 4.3.0 Error: queue file write error\r\n", smtp.pipeline("x", "."));
        assertTrue(smtp.queue.committed().isEmpty());
        assertEquals(0, smtp.queue.open());
    }

    @Test
    void writeFailureIsReportedAfterTheDot() {
        smtp.queue.failWrite(true);
        smtp.openData();
        assertEquals("", smtp.pipeline("line one", "line two"));
        assertEquals("451 4.3.0 Error: queue file write error\r\n", smtp.send("."));
        assertEquals(0, smtp.queue.open());
    }

    @Test
    void closedConnectionReleasesAHalfWrittenMessage() {
        smtp.openData();
        smtp.send("half a message");
        smtp.session.closed();
        assertEquals(1, smtp.queue.discarded());
        assertEquals(0, smtp.queue.open());
    }
}
