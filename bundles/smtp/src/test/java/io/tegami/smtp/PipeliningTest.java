package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.tegami.smtp.session.SmtpSession;

/** RFC 2920 with Postfix 3.9's smtpd_forbid_unauth_pipelining = yes. */
class PipeliningTest {

    private static final String SYNC = "554 5.5.0 Error: SMTP protocol synchronization\r\n";

    private final SmtpHarness smtp = new SmtpHarness();

    @Test
    void heloClientsMayNotPipelineAtAll() {
        smtp.start();
        assertEquals(SYNC, smtp.wire("HELO x\r\nMAIL FROM:<a@b.example>\r\n"), "not even the HELO reply");
        assertFalse(smtp.connection.isOpen());

        SmtpHarness other = new SmtpHarness();
        other.start();
        assertEquals("250 host\r\n", other.wire("HELO x\r\n"));
        assertEquals(SYNC, other.wire("RSET\r\nRSET\r\n"));
    }

    @Test
    void ehloMustEndItsGroup() {
        smtp.start();
        assertEquals(SYNC, smtp.wire("EHLO x\r\nMAIL FROM:<a@b.example>\r\n"));
    }

    @Test
    void afterEhloMailRcptAndDataMayBePipelinedButNotWhatFollowsData() {
        smtp.start();
        smtp.wire("EHLO x\r\n");
        String replies = smtp.wire("RSET\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@localhost>\r\nDATA\r\n");
        assertEquals("250 2.0.0 Ok\r\n250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n", replies);
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n221 2.0.0 Bye\r\n", smtp.wire("hi\r\n.\r\nQUIT\r\n"),
                "the end of data and QUIT may come together");

        SmtpHarness other = new SmtpHarness();
        other.start();
        other.wire("EHLO x\r\n");
        assertEquals("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n" + SYNC,
                other.wire("MAIL FROM:<a@b.example>\r\nRCPT TO:<alice@localhost>\r\nDATA\r\nSubject: early\r\n"));
        assertTrue(other.queue.committed().isEmpty());
    }

    @Test
    void noopAndVrfyEndTheirGroupUnknownCommandsAreNotChecked() {
        smtp.start();
        smtp.wire("EHLO x\r\n");
        assertEquals("502 5.5.2 Error: command not recognized\r\n250 2.0.0 Ok\r\n", smtp.wire("XYZZY\r\nNOOP\r\n"));
        assertEquals(SYNC, smtp.wire("NOOP\r\nNOOP\r\n"));
    }

    @Test
    void withoutTheProhibitionItIsOnlyLoggedAndRemembered() {
        smtp.params.set("smtpd_forbid_unauth_pipelining", "no");
        smtp.start();
        assertEquals("250 host\r\n250 2.1.0 Ok\r\n", smtp.wire("HELO x\r\nMAIL FROM:<a@b.example>\r\n"));
        assertTrue(((SmtpSession) smtp.session).state().improperPipelining());
        assertTrue(smtp.connection.isOpen());
    }

    @Test
    void clientsThatWaitAreFine() {
        smtp.start();
        assertEquals("250 host\r\n", smtp.wire("HELO x\r\n"));
        assertEquals("250 2.1.0 Ok\r\n", smtp.wire("MAIL FROM:<a@b.example>\r\n"));
        assertFalse(((SmtpSession) smtp.session).state().improperPipelining());
    }
}
