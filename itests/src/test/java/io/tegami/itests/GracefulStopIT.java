package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code postfix stop} is graceful, against the installed distribution: the ports close at once,
 * an IMAP client is told {@code * BYE Server shutting down.}, an SMTP client in the middle of
 * DATA finishes its message and gets its 250, then 421 to its next command; the process exits
 * afterwards, and the message is delivered after the restart.
 */
class GracefulStopIT {

    private InstalledTegami tegami;

    @AfterEach
    void stop() throws Exception {
        if (tegami != null) {
            tegami.tegami("stop");
        }
    }

    @Test
    void theMessageInProgressIsFinishedBeforeTheProcessExits() throws Exception {
        // Short back-off: the first delivery after the restart may come before the user directory.
        TestHome ports = TestHome.create("gracefulstop", "mail_location = maildir:~/Maildir",
                "tegami_stop_timeout = 30s", "minimal_backoff_time = 1s", "maximal_backoff_time = 2s",
                "queue_run_delay = 1s");
        ports.addUser("alice", "secret");
        int imapPort = TestHome.freePort();
        Files.writeString(ports.home.resolve("configs/tegami.listener-imap.cfg"),
                "name = imap\nprotocol = imap\naddress = 127.0.0.1\nport = " + imapPort + "\ntls = starttls\n",
                StandardCharsets.UTF_8);
        tegami = InstalledTegami.install(ports);
        Processes.Result started = tegami.tegami("start");
        assertEquals(0, started.exitCode(), started.toString());
        Net.awaitListening(ports.smtpPort, 30_000);
        Net.awaitListening(imapPort, 30_000);
        long pid = tegami.pid();

        try (SmtpClient smtp = new SmtpClient(ports.smtpPort);
                Socket imap = new Socket(InetAddress.getLoopbackAddress(), imapPort)) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            assertTrue(smtp.command("EHLO slow.example").startsWith("250 "));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<bob@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            assertTrue(smtp.command("DATA").startsWith("354 "));
            smtp.send("From: bob@localhost\r\nTo: alice@localhost\r\nSubject: graceful stop\r\n\r\nfirst half\r\n");

            imap.setSoTimeout(20_000);
            BufferedReader imapIn = new BufferedReader(new InputStreamReader(imap.getInputStream(), StandardCharsets.UTF_8));
            OutputStream imapOut = imap.getOutputStream();
            assertTrue(imapIn.readLine().startsWith("* OK "));
            imapOut.write("a1 LOGIN alice secret\r\n".getBytes(StandardCharsets.US_ASCII));
            imapOut.flush();
            assertTrue(readUntil(imapIn, "a1 ").startsWith("a1 OK"));

            Processes.Result stop = tegami.ctl("postfix", "stop");
            assertEquals(new Processes.Result(0, "", "postfix/postfix-script: stopping the Postfix mail system\n"), stop);

            assertEquals("* BYE Server shutting down.", imapIn.readLine(), "IMAP, idle between commands, is told at once");
            assertNull(imapIn.readLine());
            Net.awaitRefusing(ports.smtpPort, 5_000); // no new clients while the old ones finish
            Net.awaitRefusing(imapPort, 5_000);
            Thread.sleep(1_000); // the client is slow: the server waits for it
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "the process waits for the message in progress");

            smtp.send("second half\r\n.\r\n");
            String queued = smtp.replyLine();
            assertTrue(queued != null && queued.startsWith("250 2.0.0 Ok: queued as "), queued);
            String next = smtp.command("MAIL FROM:<bob@localhost>");
            assertTrue(next != null && next.startsWith("421 4.3.2 "), next);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(System.currentTimeMillis() < deadline, "process " + pid + " still alive after the drain");
            Thread.sleep(100);
        }
        String log = tegami.log();
        assertTrue(log.contains("tegami_stop_timeout = 30s"), "the drain is logged");
        assertTrue(log.contains("sessions and deliveries in progress have ended"), "nothing was cut");

        Processes.Result restarted = tegami.tegami("start");
        assertEquals(0, restarted.exitCode(), restarted.toString());
        long until = System.currentTimeMillis() + 60_000;
        List<String> inbox = List.of();
        while (System.currentTimeMillis() < until) {
            inbox = Maildirs.read(ports.maildir("alice").resolve("new"));
            if (inbox.stream().anyMatch(m -> m.contains("Subject: graceful stop"))) {
                break;
            }
            Thread.sleep(200);
        }
        String log2 = tegami.log();
        String message = inbox.stream().filter(m -> m.contains("Subject: graceful stop")).findFirst()
                .orElseThrow(() -> new AssertionError("not delivered after the restart; log:\n" + log2));
        assertTrue(message.contains("first half") && message.contains("second half"), message);
    }

    private static String readUntil(BufferedReader in, String prefix) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("closed before " + prefix);
    }
}
