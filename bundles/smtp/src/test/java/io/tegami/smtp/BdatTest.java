package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CHUNKING (RFC 3030): BDAT's state machine and replies, after Postfix's smtpd. */
class BdatTest {

    private final SmtpHarness smtp = new SmtpHarness();

    @BeforeEach
    void greet() {
        smtp.start();
        smtp.send("EHLO client.example");
    }

    private void transaction() {
        assertEquals("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n",
                smtp.wire("MAIL FROM:<sender@example.com>\r\nRCPT TO:<alice@localhost>\r\n"));
    }

    @Test
    void chunksAreTakenRawAndTheLastOneQueuesTheMessage() {
        transaction();
        assertEquals("250 2.0.0 Ok: 26 bytes\r\n", smtp.wire("BDAT 26\r\nSubject: chunks\r\n\r\n..one\r\n"));
        assertEquals("250 2.0.0 Ok: 12 bytes\r\n", smtp.wire("BDAT 12\r\n.\r\nQUIT\r\nx\r\n"));
        assertEquals("250 2.0.0 Ok: 43 bytes queued as 3F2A91\r\n", smtp.wire("BDAT 3 LAST\r\nend"));
        assertEquals("Subject: chunks\n\n..one\n.\nQUIT\nx\nend\n", smtp.queuedBody(),
                "no dot-unstuffing, commands inside chunks are content, the last line is ended");
        assertTrue(smtp.connection.isOpen());
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"), "a new transaction may start");
        assertTrue(smtp.stats().contains(" bdat=3 "), smtp.stats());
    }

    @Test
    void anEmptyLastChunkEndsTheMessageAndPipelinedChunksGetTheirRepliesInOrder() {
        String replies = smtp.wire("MAIL FROM:<sender@example.com>\r\nRCPT TO:<alice@localhost>\r\n"
                + "BDAT 12\r\nSubject: x\r\nBDAT 0 LAST\r\nQUIT\r\n");
        assertEquals("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.0.0 Ok: 12 bytes\r\n"
                + "250 2.0.0 Ok: 12 bytes queued as 3F2A91\r\n221 2.0.0 Bye\r\n", replies);
        assertEquals("Subject: x\n", smtp.queuedBody());
    }

    @Test
    void withoutRecipientsTheChunkIsReadAndTheRestDiscardedUntilLast() {
        assertEquals("503 5.5.1 Error: need RCPT command\r\n", smtp.wire("BDAT 5\r\nhello"));
        assertEquals("503 5.5.1 Error: MAIL after BDAT\r\n", smtp.send("MAIL FROM:<a@b.example>"));
        assertEquals("503 5.5.1 Error: DATA after BDAT\r\n", smtp.send("DATA"));
        assertEquals("551 5.0.0 Discarded 7 bytes after earlier error\r\n", smtp.wire("BDAT 7 LAST\r\nMAIL x\n"));
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"), "LAST ends the discarding");
        assertEquals("554 5.5.1 Error: no valid recipients\r\n", smtp.wire("BDAT 2 LAST\r\nab"));
        assertTrue(smtp.queue.committed().isEmpty());
        assertEquals(0, smtp.queue.open());
    }

    @Test
    void mailRcptAndDataAreRefusedDuringATransfer() {
        transaction();
        smtp.wire("BDAT 4\r\nabcd");
        assertEquals("503 5.5.1 Error: nested MAIL command\r\n", smtp.send("MAIL FROM:<a@b.example>"));
        assertEquals("503 5.5.1 Error: RCPT after BDAT\r\n", smtp.send("RCPT TO:<alice@localhost>"));
        assertEquals("503 5.5.1 Error: DATA after BDAT\r\n", smtp.send("DATA"));
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("NOOP"));
        assertEquals("250 2.0.0 Ok: 7 bytes queued as 3F2A91\r\n", smtp.wire("BDAT 1 LAST\r\ne"));
    }

    @Test
    void rsetDropsAHalfTransferredMessage() {
        transaction();
        smtp.wire("BDAT 4\r\nabcd");
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("RSET"));
        assertEquals(1, smtp.queue.discarded());
        assertEquals(0, smtp.queue.open());
        assertEquals("503 5.5.1 Error: need RCPT command\r\n", smtp.wire("BDAT 1 LAST\r\nx"));
    }

    @Test
    void aNullChunkIsRefused() {
        transaction();
        assertEquals("551 5.7.1 Null BDAT request\r\n", smtp.wire("BDAT 0\r\n"));
        assertEquals("551 5.0.0 Discarded 3 bytes after earlier error\r\n", smtp.wire("BDAT 3 LAST\r\nabc"));
        assertEquals("503 5.5.1 Error: need MAIL command\r\n", smtp.send("RCPT TO:<alice@localhost>"));
    }

    @Test
    void aChunkOverTheSizeLimitIsReadAndRefused() {
        smtp.params.set("message_size_limit", "10");
        transaction();
        assertEquals("552 5.3.4 Chunk exceeds message size limit\r\n", smtp.wire("BDAT 11\r\n01234567890"));
        assertEquals("551 5.0.0 Discarded 1 bytes after earlier error\r\n", smtp.wire("BDAT 1 LAST\r\nx"));
        assertEquals(0, smtp.queue.open());
    }

    @Test
    void chunksThatAddUpOverTheLimitAreRefusedAtTheEnd() {
        smtp.params.set("message_size_limit", "10");
        transaction();
        assertEquals("250 2.0.0 Ok: 6 bytes\r\n", smtp.wire("BDAT 6\r\n012345"));
        assertEquals("250 2.0.0 Ok: 6 bytes\r\n", smtp.wire("BDAT 6\r\n678901"));
        assertEquals("552 5.3.4 Error: message file too big\r\n", smtp.wire("BDAT 0 LAST\r\n"));
        assertTrue(smtp.queue.committed().isEmpty());
    }

    @Test
    void malformedBdatEndsTheSession() {
        transaction();
        assertEquals("521 5.5.4 Syntax: BDAT count [LAST]\r\n", smtp.wire("BDAT 2 LAST x\r\nab"));
        assertFalse(smtp.connection.isOpen());
        for (String bad : new String[] {"BDAT", "BDAT x", "BDAT -1", "BDAT 1 FIRST", "BDAT 99999999999999999999"}) {
            SmtpHarness other = new SmtpHarness();
            other.start();
            assertEquals("521 5.5.4 Syntax: BDAT count [LAST]\r\n", other.wire(bad + "\r\n"), bad);
        }
    }

    @Test
    void bareCrAndLfInsideChunksAreLineContentNotCommands() {
        smtp.params.set("mynetworks", "192.0.2.0/24");
        transaction();
        assertEquals("250 2.0.0 Ok: 16 bytes queued as 3F2A91\r\n", smtp.wire("BDAT 14 LAST\r\na\r.\rb\n.\nRSET\r\n"));
        assertEquals("a . b\n.\nRSET\n", smtp.queuedBody());
    }

    @Test
    void rejectRefusesChunksWithABareLf() {
        smtp.params.set("mynetworks", "192.0.2.0/24").set("smtpd_forbid_bare_newline", "reject");
        transaction();
        assertEquals("550 5.5.2 host Error: bare <LF> received\r\n", smtp.wire("BDAT 4 LAST\r\na\nb\n"));
        assertTrue(smtp.queue.committed().isEmpty());
        assertTrue(smtp.connection.isOpen());
    }

    @Test
    void aLostConnectionMidChunkDropsTheMessage() {
        transaction();
        smtp.wire("BDAT 100\r\nonly part");
        smtp.session.closed();
        assertEquals(1, smtp.queue.discarded());
        assertEquals(0, smtp.queue.open());
        assertTrue(smtp.stats().contains("bdat=0/1"), smtp.stats());
    }
}
