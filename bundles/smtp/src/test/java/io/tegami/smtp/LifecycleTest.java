package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.Line.Ending;

/** Bad lines, the error limit, timeouts, shutdown and hang-ups. */
class LifecycleTest {

    private final SmtpHarness smtp = new SmtpHarness();

    @Test
    void overlongCommandLineIsRefusedOnceAndItsRestIgnored() {
        smtp.start();
        smtp.line("MAIL FROM:<aaaaaaaa", Ending.NONE);
        smtp.line("aaaaaaaaaaaaaaaaaa", Ending.NONE);
        assertEquals("", smtp.connection.take());
        smtp.line("a@b.example>", Ending.CRLF);
        assertEquals("500 5.5.2 Error: line too long\r\n", smtp.connection.take());
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("NOOP"));
    }

    @Test
    void emptyLineIsBadSyntax() {
        smtp.start();
        assertEquals("500 5.5.2 Error: bad syntax\r\n", smtp.send(""));
        assertEquals("500 5.5.2 Error: bad syntax\r\n", smtp.send("   "));
    }

    @Test
    void tooManyErrorsEndTheSession() {
        smtp.params.set("smtpd_hard_error_limit", "3");
        smtp.start();
        assertEquals("502 5.5.2 Error: command not recognized\r\n", smtp.send("BOGUS"));
        assertEquals("503 5.5.1 Error: need MAIL command\r\n", smtp.send("RCPT TO:<alice@localhost>"));
        assertEquals("500 5.5.2 Error: bad syntax\r\n421 4.7.0 host Error: too many errors\r\n", smtp.send(""));
        assertFalse(smtp.connection.isOpen());
        assertEquals("", smtp.send("NOOP"));
    }

    @Test
    void deliveredMailForgivesEarlierErrors() {
        smtp.params.set("smtpd_hard_error_limit", "2");
        smtp.start();
        smtp.send("BOGUS");
        smtp.openData();
        smtp.pipeline("x", ".");
        assertEquals("502 5.5.2 Error: command not recognized\r\n", smtp.send("BOGUS"));
        assertTrue(smtp.connection.isOpen());
    }

    @Test
    void junkCommandsCountAsErrorsPastTheirLimit() {
        smtp.params.set("smtpd_junk_command_limit", "2").set("smtpd_hard_error_limit", "2");
        smtp.start();
        String replies = smtp.pipeline("NOOP", "NOOP", "NOOP", "NOOP", "NOOP");
        assertTrue(replies.endsWith("250 2.0.0 Ok\r\n421 4.7.0 host Error: too many errors\r\n"), replies);
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void idleSessionTimesOut() {
        smtp.start();
        smtp.openData();
        smtp.send("half");
        smtp.session.idle();
        assertEquals("421 4.4.2 host Error: timeout exceeded\r\n", smtp.connection.take());
        assertFalse(smtp.connection.isOpen());
        assertEquals(1, smtp.queue.discarded());
        smtp.session.closed();
        assertEquals(0, smtp.queue.open());
        assertEquals(" ehlo=1 mail=1 rcpt=1 data=0/1 commands=3/4", smtp.stats());
    }

    @Test
    void disconnectStatsCountEveryCommand() {
        smtp.start();
        smtp.pipeline("EHLO x", "MAIL FROM:<root@localhost>", "RCPT TO:<bob@localhost>", "RCPT TO:<alice@localhost>",
                "DATA", "test", ".", "BOGUS", "QUIT");
        assertEquals(" ehlo=1 mail=1 rcpt=1/2 data=1 quit=1 unknown=0/1 commands=5/7", smtp.stats());
    }

    @Test
    void servicesMayGoAwayUnderALiveSession() {
        smtp.params.set("mynetworks", "192.0.2.0/24"); // a stranger: Postfix's relay defaults defer (454)
        smtp.start();
        smtp.pipeline("EHLO x", "MAIL FROM:<root@localhost>");
        // The queue, directory and parameters bundles are stopped: the session keeps talking.
        smtp.handler.bind(null, null, null);
        assertEquals("451 4.3.0 <alice@localhost>: Temporary lookup failure\r\n", smtp.send("RCPT TO:<alice@localhost>"));
        assertEquals("454 4.7.1 <x@example.com>: Relay access denied\r\n", smtp.send("RCPT TO:<x@example.com>"));
        // They come back (new instances): the next command uses them.
        smtp.handler.bind(smtp.params, smtp.queue, smtp.users);
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<alice@localhost>"));
        smtp.handler.bind(smtp.params, null, smtp.users);
        assertEquals("451 4.3.0 Error: queue file write error\r\n", smtp.send("DATA"));
        smtp.session.shutdown();
        assertEquals("421 4.3.2 host Service shutting down, closing transmission channel\r\n", smtp.connection.take());
    }

    @Test
    void shutdownSaysGoodbyeAndAbortsTheMessage() {
        smtp.start();
        smtp.openData();
        smtp.send("half");
        smtp.session.shutdown();
        assertEquals("421 4.3.2 host Service shutting down, closing transmission channel\r\n", smtp.connection.take());
        assertFalse(smtp.connection.isOpen());
        assertEquals(1, smtp.queue.discarded());
        assertTrue(smtp.queue.committed().isEmpty());
        // A second goodbye, or the close that follows, changes nothing.
        smtp.session.shutdown();
        smtp.session.closed();
        assertEquals("", smtp.connection.take());
    }

    @Test
    void httpOrHeadersInsteadOfSmtpEndTheSession() {
        smtp.start();
        assertEquals("221 2.7.0 Error: I can break rules, too. Goodbye.\r\n", smtp.send("GET / HTTP/1.1"));
        assertFalse(smtp.connection.isOpen());

        SmtpHarness headers = new SmtpHarness();
        headers.start();
        assertEquals("221 2.7.0 Error: I can break rules, too. Goodbye.\r\n", headers.send("Subject: hello"));
    }

    @Test
    void quitClosesAndIgnoresWhatFollows() {
        smtp.start();
        assertEquals("221 2.0.0 Bye\r\n", smtp.pipeline("QUIT", "NOOP"));
        assertFalse(smtp.connection.isOpen());
    }
}
