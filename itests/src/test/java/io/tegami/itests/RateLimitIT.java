package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Postfix's anvil rate limits, its error tarpit, the pre-greet test and the auth-failure ban on
 * the real distribution, with Postfix's replies and log lines. Loopback is taken out of
 * {@code mynetworks} so that the test client is an ordinary outside client; each feature has its
 * own SMTP listener (master.cf {@code -o} style options), since anvil counts per service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitIT {

    private static final String HOST = "rate.example";

    private Path home;
    private TestHome ports;
    private int connPort;
    private int mailPort;
    private int greetPort;
    private int tarpitPort;
    private int authPort;
    private int pop3Port;
    private int imapPort;
    private final List<Pop3Client> open = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        ports = TestHome.create("rate", "myhostname = " + HOST, "mynetworks = 192.0.2.0/24",
                "tegami_auth_failure_ban_limit = 3", "tegami_auth_failure_ban_time = 10m", "auth_failure_delay = 0");
        home = ports.home;
        ports.addUser("alice", "secret");
        connPort = listener("conn", "smtp", "smtpd_client_connection_rate_limit = 3\n");
        mailPort = listener("mail", "smtp", "smtpd_client_message_rate_limit = 2\nsmtpd_client_recipient_rate_limit = 3\n");
        greetPort = listener("greet", "smtp", "tegami_smtpd_greet_test = yes\npostscreen_greet_wait = 1s\n"
                + "postscreen_greet_action = drop\n");
        tarpitPort = listener("tarpit", "smtp", "smtpd_soft_error_limit = 2\nsmtpd_error_sleep_time = 1s\n"
                + "smtpd_hard_error_limit = 4\n");
        authPort = listener("auth", "smtp", "smtpd_sasl_auth_enable = yes\n");
        pop3Port = listener("pop3", "pop3", "");
        imapPort = listener("imap", "imap", "");
        DoveadmInteropIT.copyTree(TegamiOptions.distribution(), home, Set.of("data", "logs", "configs"));
        Processes.Result started = Processes.run(home, 90, home.resolve("bin/tegami").toString(), "start");
        assertEquals(0, started.exitCode(), started.toString());
        for (int port : new int[] {connPort, mailPort, greetPort, tarpitPort, authPort, pop3Port, imapPort}) {
            Net.awaitListening(port, 30_000);
        }
    }

    private int listener(String name, String protocol, String options) throws Exception {
        int port = TestHome.freePort();
        Files.writeString(home.resolve("configs/tegami.listener-" + name + ".cfg"), "name = " + name + "\nprotocol = "
                + protocol + "\naddress = 127.0.0.1\nport = " + port + "\ntls = none\n" + options, StandardCharsets.UTF_8);
        return port;
    }

    @AfterAll
    void stopServer() throws Exception {
        if (home != null && Files.exists(home.resolve("bin/tegami"))) {
            Processes.Result stopped = Processes.run(home, 90, home.resolve("bin/tegami").toString(), "stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    @AfterEach
    void closeClients() throws Exception {
        for (Pop3Client c : open) {
            c.close();
        }
        open.clear();
    }

    private Pop3Client connect(int port) throws Exception {
        Pop3Client c = new Pop3Client(port);
        open.add(c);
        return c;
    }

    private static void ehlo(Pop3Client c) throws Exception {
        c.send("EHLO client.example\r\n");
        String l;
        while ((l = c.line()) != null && l.startsWith("250-")) {
            // capabilities
        }
    }

    @Test
    void theFourthConnectionInAMinuteIsRefusedAsPostfixDoes() throws Exception {
        // The start-up probe (Net.awaitListening) was the listener's first connection.
        Pop3Client c;
        String reply;
        int accepted = 0;
        do {
            c = connect(connPort);
            reply = c.line();
        } while (reply.startsWith("220 " + HOST) && ++accepted < 4);
        assertEquals("421 4.7.0 " + HOST + " Error: too many connections from 127.0.0.1", reply);
        assertTrue(accepted >= 2, "the limit is 3 a minute: " + accepted + " accepted");
        assertNull(c.line());
        awaitLog("Connection rate limit exceeded: 4 from localhost[127.0.0.1] for service conn");
    }

    @Test
    void messagesAndRecipientsPerMinuteGet450() throws Exception {
        Pop3Client c = connect(mailPort);
        c.line();
        ehlo(c);
        assertEquals("250 2.1.0 Ok", c.command("MAIL FROM:<a@example.com>"));
        for (int i = 0; i < 3; i++) {
            assertEquals("250 2.1.5 Ok", c.command("RCPT TO:<alice@" + HOST + ">"));
        }
        assertEquals("450 4.7.1 Error: too many recipients from 127.0.0.1", c.command("RCPT TO:<alice@" + HOST + ">"));
        assertEquals("250 2.0.0 Ok", c.command("RSET"));
        assertEquals("250 2.1.0 Ok", c.command("MAIL FROM:<a@example.com>"));
        assertEquals("250 2.0.0 Ok", c.command("RSET"));
        assertEquals("450 4.7.1 Error: too much mail from 127.0.0.1", c.command("MAIL FROM:<a@example.com>"));
        awaitLog("Message delivery request rate limit exceeded: 3 from localhost[127.0.0.1] for service mail");
        awaitLog("Recipient address rate limit exceeded: 4 from localhost[127.0.0.1] for service mail");
    }

    @Test
    void aClientThatTalksFirstIsDroppedAndLogged() throws Exception {
        Pop3Client bot = connect(greetPort);
        bot.send("EHLO bot.example\r\n");
        assertEquals("220-" + HOST + " ESMTP Tegami", bot.line());
        assertEquals("521 5.5.1 Protocol error", bot.line());
        assertNull(bot.line());
        String log = awaitLog("PREGREET 18 after ");
        assertTrue(log.contains(" from [127.0.0.1]:") && log.endsWith(": EHLO bot.example\\r\\n"), log);

        Pop3Client patient = connect(greetPort);
        assertEquals("220-" + HOST + " ESMTP Tegami", patient.line());
        assertEquals("220 " + HOST + " ESMTP Tegami", patient.line());
        assertTrue(patient.command("EHLO ok.example").startsWith("250-"));
    }

    @Test
    void pastTheSoftLimitRepliesSlowDownAndTheHardLimitDisconnects() throws Exception {
        Pop3Client c = connect(tarpitPort);
        c.line();
        assertEquals("502 5.5.2 Error: command not recognized", c.command("FOO"));
        assertEquals("502 5.5.2 Error: command not recognized", c.command("FOO"));
        long t0 = System.nanoTime();
        assertEquals("502 5.5.2 Error: command not recognized", c.command("FOO"));
        assertTrue(System.nanoTime() - t0 >= 900_000_000L, "the third reply waits smtpd_error_sleep_time");
        c.send("FOO\r\n");
        assertEquals("502 5.5.2 Error: command not recognized", c.line());
        assertEquals("421 4.7.0 " + HOST + " Error: too many errors", c.line());
        assertNull(c.line());
        awaitLog("too many errors after UNKNOWN from localhost[127.0.0.1]");
    }

    @Test
    void failuresOverEveryProtocolAddUpToABanThatEvenTheRightPasswordMeets() throws Exception {
        Pop3Client pop = connect(pop3Port);
        assertEquals("-ERR [AUTH] Authentication failed.", pop.login("alice", "wrong"));
        Pop3Client imap = connect(imapPort);
        imap.line();
        assertEquals("a NO [AUTHENTICATIONFAILED] Authentication failed.", imap.command("a LOGIN alice wrong"));
        Pop3Client smtp = connect(authPort);
        smtp.line();
        ehlo(smtp);
        assertEquals("535 5.7.8 Error: authentication failed: authentication failure",
                smtp.command("AUTH PLAIN " + b64("\0alice\0wrong")));
        awaitLog("rip=127.0.0.1: banned for 600 secs after 3 failed logins");

        assertEquals("535 5.7.8 Error: authentication failed: authentication failure",
                smtp.command("AUTH PLAIN " + b64("\0alice\0secret")), "banned: the right password fails too");
        assertEquals("+OK", pop.command("USER alice"));
        assertEquals("-ERR [AUTH] Authentication failed.", pop.command("PASS secret"));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for a line containing {@code text} in logs/tegami.log; returns that line. */
    private String awaitLog(String text) throws Exception {
        Path log = home.resolve("logs/tegami.log");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line with: " + text);
    }
}
