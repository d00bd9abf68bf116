package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.net.testing.FakeConnection;
import io.tegami.smtp.session.AnvilTable;

/**
 * Postfix's anvil rate limits, the error tarpit and the pre-greet test, with the replies and the
 * order Postfix's smtpd.c and postscreen give; delays go through Connection.executeAfter, which
 * the fake connection records.
 */
class RateLimitsTest {

    private static final InetSocketAddress OUTSIDE = new InetSocketAddress("192.0.2.7", 40000);

    private final SmtpHarness smtp = new SmtpHarness();

    @BeforeEach
    void outsideMynetworks() {
        smtp.params.set("mynetworks", "127.0.0.0/8");
        smtp.params.set("myhostname", "mx.example");
        smtp.connection.remote(OUTSIDE);
    }

    private String connectAgain() {
        FakeConnection c = new FakeConnection("smtp", 25).remote(OUTSIDE);
        ProtocolSession s = smtp.handler.newSession(c);
        s.start();
        return c.take();
    }

    @Test
    void theConnectionRateIsCountedPerClientAndRefusedWithPostfixsReply() {
        smtp.params.set("smtpd_client_connection_rate_limit", "2");
        assertTrue(smtp.start().startsWith("220 "));
        assertTrue(connectAgain().startsWith("220 "));
        assertEquals("421 4.7.0 mx.example Error: too many connections from 192.0.2.7\r\n", connectAgain());
    }

    @Test
    void mynetworksIsExemptByDefault() {
        smtp.params.set("smtpd_client_connection_rate_limit", "1");
        smtp.params.set("mynetworks", "192.0.2.0/24");
        smtp.start();
        assertTrue(connectAgain().startsWith("220 "));
        assertTrue(connectAgain().startsWith("220 "));
    }

    @Test
    void tooMuchMailAndTooManyRecipientsGet450() {
        smtp.params.set("smtpd_client_message_rate_limit", "1");
        smtp.params.set("smtpd_client_recipient_rate_limit", "2");
        smtp.start();
        smtp.send("EHLO c");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<alice@localhost>"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<postmaster@localhost>"));
        assertEquals("450 4.7.1 Error: too many recipients from 192.0.2.7\r\n", smtp.send("RCPT TO:<alice@localhost>"));
        smtp.send("RSET");
        assertEquals("450 4.7.1 Error: too much mail from 192.0.2.7\r\n", smtp.send("MAIL FROM:<a@b.example>"));
    }

    @Test
    void authCommandsAreRateLimited() {
        smtp.params.set("smtpd_sasl_auth_enable", "yes");
        smtp.params.set("smtpd_tls_auth_only", "no");
        smtp.params.set("smtpd_client_auth_rate_limit", "1");
        smtp.start();
        smtp.send("EHLO c");
        smtp.send("AUTH PLAIN AGFsaWNlAGd1ZXNz");
        assertEquals("450 4.7.1 Error: too many AUTH commands from 192.0.2.7\r\n", smtp.send("AUTH PLAIN AGFsaWNlAGd1ZXNz"));
    }

    @Test
    void aBannedClientFailsEvenWithTheRightPasswordWhichIsNotChecked() {
        smtp.params.set("smtpd_sasl_auth_enable", "yes");
        smtp.params.set("smtpd_tls_auth_only", "no");
        smtp.penalty.banned = true;
        smtp.connection.secure();
        smtp.start();
        smtp.send("EHLO c");
        assertEquals("535 5.7.8 Error: authentication failed: authentication failure\r\n",
                smtp.send("AUTH PLAIN AGFsaWNlAHNlY3JldA=="));
        assertEquals(1, smtp.penalty.failures.size(), "counted as a failure");
        assertTrue(smtp.penalty.successes.isEmpty());
    }

    @Test
    void anvilWindowsStartAgainAfterTheTimeUnitAndIdleClientsAreSwept() throws Exception {
        AtomicLong now = new AtomicLong(1_000);
        AnvilTable table = new AnvilTable(now::get);
        InetAddress a = InetAddress.getByName("192.0.2.1");
        assertEquals(1, table.count("smtp", a, AnvilTable.Event.MESSAGE, 60_000));
        assertEquals(2, table.count("smtp", a, AnvilTable.Event.MESSAGE, 60_000));
        assertEquals(1, table.count("smtp", a, AnvilTable.Event.RECIPIENT, 60_000), "each event has its own count");
        assertEquals(1, table.count("submission", a, AnvilTable.Event.MESSAGE, 60_000), "and each listener");
        now.addAndGet(60_000);
        assertEquals(1, table.count("smtp", a, AnvilTable.Event.MESSAGE, 60_000), "a new time unit");
        for (int i = 0; i < 3000; i++) {
            table.count("smtp", InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}),
                    AnvilTable.Event.CONNECTION, 60_000);
        }
        now.addAndGet(61_000);
        table.count("smtp", InetAddress.getByName("10.9.9.9"), AnvilTable.Event.CONNECTION, 60_000);
        for (int i = 0; i < 1100; i++) {
            table.count("smtp", InetAddress.getByAddress(new byte[] {11, 0, (byte) (i >> 8), (byte) i}),
                    AnvilTable.Event.CONNECTION, 60_000);
        }
        assertTrue(table.size() <= 1200, "expired clients were swept: " + table.size());
    }

    @Test
    void pastTheSoftErrorLimitEveryReplyWaitsTheErrorSleepTime() {
        smtp.params.set("smtpd_soft_error_limit", "2");
        smtp.params.set("smtpd_error_sleep_time", "3s");
        smtp.start();
        smtp.send("FOO");
        smtp.send("FOO");
        assertTrue(smtp.connection.delays().isEmpty(), "two errors: no tarpit yet");
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("NOOP"));
        assertEquals(List.of(Duration.ofSeconds(3)), smtp.connection.delays(), "then even a 250 waits");
    }

    @Test
    void theHardErrorLimitDisconnectsAfterTheDelayedReplies() {
        smtp.params.set("smtpd_soft_error_limit", "1");
        smtp.params.set("smtpd_hard_error_limit", "2");
        smtp.start();
        smtp.send("FOO");
        smtp.line("FOO", Line.Ending.CRLF);
        assertEquals("502 5.5.2 Error: command not recognized\r\n421 4.7.0 mx.example Error: too many errors\r\n",
                smtp.connection.take());
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void aClientThatTalksBeforeTheGreetingIsLoggedAndDroppedOnRequest() {
        smtp.params.set("tegami_smtpd_greet_test", "yes");
        smtp.params.set("postscreen_greet_action", "drop");
        smtp.params.set("postscreen_greet_wait", "2s");
        assertEquals("220-mx.example ESMTP Tegami\r\n", smtp.start());
        assertEquals(List.of(Duration.ofSeconds(2)), smtp.connection.delays());
        smtp.connection.pending("EHLO bot\r\n");
        smtp.connection.runTasks();
        assertEquals("521 5.5.1 Protocol error\r\n", smtp.connection.take());
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void aPatientClientGetsTheRestOfTheGreeting() {
        smtp.params.set("tegami_smtpd_greet_test", "yes");
        smtp.params.set("postscreen_greet_action", "enforce");
        smtp.start();
        smtp.connection.runTasks();
        assertEquals("220 mx.example ESMTP Tegami\r\n", smtp.connection.take());
        assertTrue(smtp.send("EHLO c").startsWith("250-"));
    }

    @Test
    void enforceLetsThePregreeterTalkButRefusesItsRecipients() {
        smtp.params.set("tegami_smtpd_greet_test", "yes");
        smtp.params.set("postscreen_greet_action", "enforce");
        smtp.start();
        smtp.connection.pending("EHLO bot\r\n");
        smtp.connection.runTasks();
        smtp.connection.pending("");
        assertEquals("220 mx.example ESMTP Tegami\r\n", smtp.connection.take());
        assertTrue(smtp.send("EHLO bot").startsWith("250-"));
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"));
        assertEquals("550 5.5.1 Protocol error\r\n", smtp.send("RCPT TO:<alice@localhost>"));
    }

    @Test
    void theTeaserIsNotSentToMynetworks() {
        smtp.params.set("tegami_smtpd_greet_test", "yes");
        smtp.connection.remote(new InetSocketAddress("127.0.0.1", 40000));
        assertEquals("220 mx.example ESMTP Tegami\r\n", smtp.start());
    }
}
