package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slow clients against the real distribution: 1,000 connections (half SMTP, half IMAP) that
 * trickle a command a byte at a time and never finish it (slowloris), plus 100 POP3 clients whose
 * wrong passwords earn them the auth penalty (2 to 15 s per reply, which must not hold one of the
 * 32 session threads each). Meanwhile a normal SMTP client delivers a message and a normal IMAP
 * client logs in, selects INBOX and logs out, each well within a few seconds. Then the listeners'
 * {@code record_deadline} cuts the tricklers off with their protocol's timeout reply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsIT {

    private static final String HOST = "slow.example";
    private static final int SLOW_PER_PROTOCOL = 500;
    private static final int PENALIZED = 100;
    private static final int DEADLINE_SECONDS = 20;

    private Path home;
    private TestHome ports;
    private int imapPort;
    private int pop3Port;
    private final List<Socket> slow = new ArrayList<>();
    private final List<Socket> penalized = new ArrayList<>();
    private final AtomicBoolean trickling = new AtomicBoolean(true);
    private Thread trickler;

    @BeforeAll
    void startServer() throws Exception {
        ports = TestHome.create("slow", "myhostname = " + HOST, "auth_failure_delay = 2 secs");
        home = ports.home;
        ports.addUser("alice", "secret");
        imapPort = TestHome.freePort();
        pop3Port = TestHome.freePort();
        Path configs = home.resolve("configs");
        String limits = "max_connections = 1200\nrecord_deadline = " + DEADLINE_SECONDS + "\n";
        Files.writeString(configs.resolve("tegami.listener-smtp.cfg"), "name = smtp\nprotocol = smtp\naddress = 127.0.0.1\n"
                + "port = " + ports.smtpPort + "\ntls = none\n" + limits, StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("tegami.listener-imap.cfg"), "name = imap\nprotocol = imap\naddress = 127.0.0.1\n"
                + "port = " + imapPort + "\ntls = none\n" + limits, StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("tegami.listener-pop3.cfg"), "name = pop3\nprotocol = pop3\naddress = 127.0.0.1\n"
                + "port = " + pop3Port + "\ntls = none\nmax_connections = 300\n", StandardCharsets.UTF_8);
        DoveadmInteropIT.copyTree(TegamiOptions.distribution(), home, Set.of("data", "logs", "configs"));
        Processes.Result started = Processes.run(home, 90, home.resolve("bin/tegami").toString(), "start");
        assertEquals(0, started.exitCode(), started.toString());
        for (int port : new int[] {ports.smtpPort, imapPort, pop3Port}) {
            Net.awaitListening(port, 30_000);
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        trickling.set(false);
        if (trickler != null) {
            trickler.join(5_000);
        }
        for (Socket s : slow) {
            s.close();
        }
        for (Socket s : penalized) {
            s.close();
        }
        if (home != null && Files.exists(home.resolve("bin/tegami"))) {
            Processes.Result stopped = Processes.run(home, 90, home.resolve("bin/tegami").toString(), "stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    @Test
    void normalClientsAreServedWhileAThousandSlowOnesHangOnAndTheDeadlineEndsThem() throws Exception {
        long openedAt = System.nanoTime();
        for (int i = 0; i < SLOW_PER_PROTOCOL; i++) {
            slow.add(open(ports.smtpPort, "220 "));
            slow.add(open(imapPort, "* OK"));
        }
        for (int i = 0; i < PENALIZED; i++) {
            penalized.add(open(pop3Port, "+OK"));
        }
        trickler = startTrickling();
        Thread.sleep(2_000); // the tricklers are at work
        // All wrong passwords at once: 100 penalty delays of 2 to 15 s run together, more than the
        // 32 session threads could sit out if each delay held one.
        for (Socket s : penalized) {
            s.getOutputStream().write("USER alice\r\nPASS wrong\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        Thread.sleep(500);

        long t0 = System.nanoTime();
        try (Pop3Client smtp = new Pop3Client(ports.smtpPort)) {
            assertTrue(smtp.line().startsWith("220 " + HOST));
            smtp.send("EHLO normal.example\r\n");
            String l;
            while ((l = smtp.line()) != null && l.startsWith("250-")) {
                // capabilities
            }
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<sender@example.com>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@" + HOST + ">"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("Subject: through the crowd\r\n\r\nHello.\r\n.\r\n");
            assertTrue(smtp.line().startsWith("250 2.0.0 Ok: queued as "));
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
        long smtpMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(smtpMillis < 3_000, "SMTP transaction took " + smtpMillis + " ms among the slow clients");

        t0 = System.nanoTime();
        try (Pop3Client imap = new Pop3Client(imapPort)) {
            assertTrue(imap.line().startsWith("* OK"));
            assertTrue(untilTagged(imap, "a LOGIN alice secret", "a ").startsWith("a OK"));
            assertTrue(untilTagged(imap, "b SELECT INBOX", "b ").startsWith("b OK"));
            assertTrue(untilTagged(imap, "c LOGOUT", "c ").startsWith("c OK"));
        }
        long imapMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(imapMillis < 3_000, "IMAP session took " + imapMillis + " ms among the slow clients");
        System.out.println("SlowClientsIT: SMTP transaction " + smtpMillis + " ms, IMAP session " + imapMillis
                + " ms, with " + slow.size() + " slow and " + PENALIZED + " penalized clients connected");

        // The penalized POP3 clients got their failures, late, and are still connected.
        Socket p = penalized.get(PENALIZED - 1);
        p.setSoTimeout(30_000);
        assertEquals("+OK", readLine(p.getInputStream()), "USER");
        assertEquals("-ERR [AUTH] Authentication failed.", readLine(p.getInputStream()));

        // The record deadline ends the tricklers with the protocol's timeout reply.
        long waited = (System.nanoTime() - openedAt) / 1_000_000;
        long left = DEADLINE_SECONDS * 1000L + 15_000 - waited;
        Socket smtpSlow = slow.get(0);
        smtpSlow.setSoTimeout((int) Math.max(5_000, left));
        assertEquals("421 4.4.2 " + HOST + " Error: timeout exceeded", readLine(smtpSlow.getInputStream()));
        Socket imapSlow = slow.get(1);
        imapSlow.setSoTimeout((int) Math.max(5_000, left));
        assertTrue(readLine(imapSlow.getInputStream()).startsWith("* BYE"), "IMAP says goodbye");
        int closed = 0;
        for (Socket s : slow.subList(slow.size() - 20, slow.size())) {
            s.setSoTimeout(10_000);
            try {
                InputStream in = s.getInputStream();
                while (in.read() != -1) {
                    // the goodbye
                }
                closed++;
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // still open (or reset): counted as not closed
            }
        }
        assertEquals(20, closed, "the last tricklers were cut too");
        String log = Files.readString(home.resolve("logs/tegami.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("timeout after CONNECT from localhost[127.0.0.1]"), "smtpd's timeout line");
    }

    private static Socket open(int port, String greeting) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(15_000);
        String line = readLine(s.getInputStream());
        assertTrue(line != null && line.startsWith(greeting), "greeting on port " + port + ": " + line);
        return s;
    }

    /** Sends one byte of a never-ending command to every slow client, round after round. */
    private Thread startTrickling() {
        byte[] smtpCommand = "EHLO slowloris.example.com.and.on.and.on".getBytes(StandardCharsets.US_ASCII);
        byte[] imapCommand = "s1 LOGIN alice aVeryLongPasswordThatNeverEnds".getBytes(StandardCharsets.US_ASCII);
        Thread t = new Thread(() -> {
            int round = 0;
            while (trickling.get()) {
                for (int i = 0; i < slow.size() && trickling.get(); i++) {
                    byte[] command = i % 2 == 0 ? smtpCommand : imapCommand;
                    try {
                        OutputStream out = slow.get(i).getOutputStream();
                        out.write(command[round % command.length]);
                        out.flush();
                    } catch (IOException e) {
                        // closed by the server: the deadline worked for this one
                    }
                }
                round++;
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "trickler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String untilTagged(Pop3Client c, String command, String tag) throws IOException {
        c.send(command + "\r\n");
        String l;
        while ((l = c.line()) != null && !l.startsWith(tag)) {
            // untagged data
        }
        return l;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
