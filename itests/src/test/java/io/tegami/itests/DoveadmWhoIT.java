package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code bin/tegami-ctl doveadm who} and {@code doveadm kick} on the real distribution, and
 * main.cf's bind defaults: the IMAP and POP3 listeners name no address, so they bind Dovecot's
 * {@code listen} (127.0.0.2 here), and an SMTP listener without one binds Postfix's
 * {@code inet_interfaces} (127.0.0.3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoveadmWhoIT {

    private static final String LISTEN = "127.0.0.2";
    private static final String INET_INTERFACES = "127.0.0.3";

    private Path home;
    private int imapPort;
    private int pop3Port;
    private int smtpPort;

    @BeforeAll
    void startServer() throws Exception {
        TestHome ports = TestHome.create("who", "listen = " + LISTEN, "inet_interfaces = " + INET_INTERFACES);
        home = ports.home;
        ports.addUser("alice", "secret");
        ports.addUser("bob", "secret");
        imapPort = TestHome.freePort();
        pop3Port = TestHome.freePort();
        smtpPort = TestHome.freePort();
        Path configs = home.resolve("configs");
        Files.writeString(configs.resolve("tegami.listener-imap.cfg"),
                "name = imap\nprotocol = imap\nport = " + imapPort + "\ntls = starttls\n", StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("tegami.listener-pop3.cfg"),
                "name = pop3\nprotocol = pop3\nport = " + pop3Port + "\ntls = starttls\n", StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("tegami.listener-mx.cfg"),
                "name = mx\nprotocol = smtp\nport = " + smtpPort + "\n", StandardCharsets.UTF_8);
        DoveadmInteropIT.copyTree(TegamiOptions.distribution(), home, Set.of("data", "logs", "configs"));
        Processes.Result started = Processes.run(home, 90, home.resolve("bin/tegami").toString(), "start");
        assertEquals(0, started.exitCode(), started.toString());
        awaitListening(LISTEN, imapPort);
        awaitListening(LISTEN, pop3Port);
        awaitListening(INET_INTERFACES, smtpPort);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (home != null && Files.exists(home.resolve("bin/tegami"))) {
            Processes.Result stopped = Processes.run(home, 90, home.resolve("bin/tegami").toString(), "stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    @Test
    void listenersWithoutAnAddressBindWhereMainCfSays() throws Exception {
        try (Pop3Client smtp = new Pop3Client(new Socket(INET_INTERFACES, smtpPort))) {
            assertTrue(smtp.line().startsWith("220 "));
        }
        for (int port : new int[] {imapPort, pop3Port, smtpPort}) {
            try (Socket s = new Socket()) {
                s.connect(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 2000);
                throw new AssertionError("port " + port + " should not be bound on 127.0.0.1");
            } catch (java.net.ConnectException expected) {
                // only the configured address is bound
            }
        }
    }

    @Test
    void whoListsTheLoggedInSessionsAndKickEndsThemWithTheProtocolsGoodbyes() throws Exception {
        try (Pop3Client imap = imapLogin("alice"); Pop3Client bob = imapLogin("bob");
                Pop3Client pop3 = new Pop3Client(new Socket(LISTEN, pop3Port))) {
            assertEquals("+OK Logged in.", pop3.login("alice", "secret"));

            Processes.Result who = ctl("doveadm", "who");
            assertEquals(0, who.exitCode(), who.toString());
            List<String> rows = who.stdout().lines().toList();
            assertEquals(4, rows.size(), who.stdout());
            assertTrue(rows.get(0).startsWith("username # proto (pids)"), who.stdout());
            assertTrue(rows.stream().anyMatch(r -> r.matches("alice +1 imap +\\(\\w+\\) +\\(127\\.0\\.0\\.\\d\\) *")), who.stdout());
            assertTrue(rows.stream().anyMatch(r -> r.matches("alice +1 pop3 +\\(\\w+\\) +\\(127\\.0\\.0\\.\\d\\) *")), who.stdout());
            assertTrue(rows.stream().anyMatch(r -> r.matches("bob +1 imap +\\(\\w+\\) +\\(127\\.0\\.0\\.\\d\\) *")), who.stdout());

            Processes.Result one = ctl("doveadm", "who", "-1", "alice");
            assertEquals(0, one.exitCode(), one.toString());
            List<String> lines = one.stdout().lines().toList();
            assertTrue(lines.get(0).matches("username +proto pid +ip *"), one.stdout());
            assertEquals(3, lines.size(), one.stdout());

            Processes.Result kick = ctl("doveadm", "kick", "alice");
            assertEquals(0, kick.exitCode(), kick.toString());
            assertEquals("kicked connections from the following users:\nalice \n", kick.stdout());
            assertEquals("* BYE Server shutting down.", imap.line());
            assertNull(imap.line());
            assertEquals("-ERR [SYS/TEMP] Server shutting down.", pop3.line());
            assertNull(pop3.line());
            assertEquals("b OK NOOP completed.", bob.command("b NOOP"), "bob was not kicked");

            long deadline = System.currentTimeMillis() + 5000;
            Processes.Result after;
            do {
                after = ctl("doveadm", "who");
            } while (after.stdout().contains("alice") && System.currentTimeMillis() < deadline);
            assertEquals(2, after.stdout().lines().count(), after.stdout());
            assertTrue(after.stdout().contains("bob"), after.stdout());

            Processes.Result none = ctl("doveadm", "kick", "nobody");
            assertEquals(68, none.exitCode(), none.toString());
            assertEquals("no users kicked\n", none.stderr());
        }
        String log = Files.readString(home.resolve("logs/tegami.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("imap(alice): Disconnected: Server shutting down"), "Dovecot's line for a kicked session");
    }

    private Pop3Client imapLogin(String user) throws Exception {
        Pop3Client c = new Pop3Client(new Socket(LISTEN, imapPort));
        assertTrue(c.line().startsWith("* OK"));
        String reply = c.command("a LOGIN " + user + " secret");
        assertTrue(reply.startsWith("a OK"), reply);
        return c;
    }

    private Processes.Result ctl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = home.resolve("bin/tegami-ctl").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Processes.run(home, 60, cmd);
    }

    private static void awaitListening(String host, int port) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket(host, port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on " + host + ":" + port);
    }
}
