package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Connection limits on the real distribution, with the replies Dovecot 2.3.19 and Postfix 3.7
 * give (taken from the Debian peers): {@code mail_max_userip_connections} for IMAP and POP3, each
 * counted apart ({@code NO [LIMIT]} / {@code -ERR [IN-USE]}, then the connection ends),
 * {@code smtpd_client_connection_count_limit} ({@code 421 4.7.0 host Error: too many connections
 * from ip}) and a full listener's refusal ({@code 421 4.3.2 All server ports are busy}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsIT {

    private static final String HOST = "limits.example.org";

    private Path home;
    private TestHome ports;
    private int imapPort;
    private int pop3Port;
    private int tinyPort;
    private final List<Pop3Client> open = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        ports = TestHome.create("limits", "myhostname = " + HOST, "mail_max_userip_connections = 2",
                "pop3_lock_session = no", "smtpd_client_connection_count_limit = 2",
                // Postfix spares $mynetworks (loopback included) by default; the test client is loopback.
                "smtpd_client_event_limit_exceptions =");
        home = ports.home;
        ports.addUser("alice", "secret");
        ports.addUser("bob", "secret");
        imapPort = TestHome.freePort();
        pop3Port = TestHome.freePort();
        tinyPort = TestHome.freePort();
        Path configs = home.resolve("configs");
        Files.writeString(configs.resolve("tegami.listener-imap.cfg"), "name = imap\nprotocol = imap\naddress = 127.0.0.1\n"
                + "port = " + imapPort + "\ntls = starttls\nidle_timeout = 1800\n", StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("tegami.listener-pop3.cfg"), "name = pop3\nprotocol = pop3\naddress = 127.0.0.1\n"
                + "port = " + pop3Port + "\ntls = starttls\nidle_timeout = 600\n", StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("tegami.listener-tiny.cfg"), "name = tiny\nprotocol = smtp\naddress = 127.0.0.1\n"
                + "port = " + tinyPort + "\nmax_connections = 1\n", StandardCharsets.UTF_8);
        DoveadmInteropIT.copyTree(TegamiOptions.distribution(), home, Set.of("data", "logs", "configs"));
        Processes.Result started = Processes.run(home, 90, home.resolve("bin/tegami").toString(), "start");
        assertEquals(0, started.exitCode(), started.toString());
        for (int port : new int[] {ports.smtpPort, imapPort, pop3Port, tinyPort}) {
            Net.awaitListening(port, 30_000);
        }
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
        Thread.sleep(300); // let the server see the closes before the next test counts
    }

    private Pop3Client connect(int port) throws Exception {
        Pop3Client c = new Pop3Client(port);
        open.add(c);
        return c;
    }

    private Pop3Client imapLogin(String user) throws Exception {
        Pop3Client c = connect(imapPort);
        assertTrue(c.line().startsWith("* OK"));
        String reply = c.command("a LOGIN " + user + " secret");
        assertTrue(reply.startsWith("a OK"), reply);
        return c;
    }

    @Test
    void imapRefusesAThirdLoginOfAUserFromOneAddressAsDovecotDoes() throws Exception {
        imapLogin("alice");
        imapLogin("alice");
        Pop3Client third = connect(imapPort);
        third.line();
        assertEquals("a NO [LIMIT] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=2)",
                third.command("a LOGIN alice secret"));
        assertNull(third.line(), "the connection ends after the NO, without a BYE");
        imapLogin("bob");
        String log = awaitLog("imap-login: Disconnected: Maximum number of connections from user+IP exceeded "
                + "(mail_max_userip_connections=2): user=<alice>, method=PLAIN, rip=127.0.0.1, lip=127.0.0.1");
        assertTrue(log.contains("secured, session=<") || log.contains(", session=<"), log);
    }

    @Test
    void pop3CountsApartFromImapAndRefusesWithInUse() throws Exception {
        imapLogin("alice");
        imapLogin("alice");
        for (int i = 0; i < 2; i++) {
            Pop3Client c = connect(pop3Port);
            assertEquals("+OK Logged in.", c.login("alice", "secret"));
        }
        Pop3Client third = connect(pop3Port);
        assertEquals("-ERR [IN-USE] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=2)",
                third.login("alice", "secret"));
        assertNull(third.line());
        awaitLog("pop3-login: Disconnected: Maximum number of connections from user+IP exceeded "
                + "(mail_max_userip_connections=2): user=<alice>, method=PLAIN, rip=127.0.0.1");
    }

    @Test
    void smtpRefusesTheThirdConnectionFromOneClient() throws Exception {
        assertTrue(connect(ports.smtpPort).line().startsWith("220 " + HOST));
        assertTrue(connect(ports.smtpPort).line().startsWith("220 " + HOST));
        Pop3Client third = connect(ports.smtpPort);
        assertEquals("421 4.7.0 " + HOST + " Error: too many connections from 127.0.0.1", third.line());
        assertNull(third.line());
        awaitLog("Connection concurrency limit exceeded: 3 from localhost[127.0.0.1] for service smtp");
        assertTrue(connect(ports.submissionPort).line().startsWith("220 "), "each listener counts its own clients");
    }

    @Test
    void aFullListenerAnswersBusyInsteadOfClosingSilently() throws Exception {
        Pop3Client first = connect(tinyPort);
        assertTrue(first.line().startsWith("220 " + HOST));
        Pop3Client second = connect(tinyPort);
        assertEquals("421 4.3.2 All server ports are busy", second.line());
        assertNull(second.line());
        assertEquals("221 2.0.0 Bye", first.command("QUIT"));
        Thread.sleep(300);
        assertTrue(connect(tinyPort).line().startsWith("220 " + HOST), "room again once the first has gone");
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
