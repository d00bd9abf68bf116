package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * ManageSieve (RFC 5804) on its real listener: a raw session (CAPABILITY, STARTTLS, AUTHENTICATE
 * PLAIN, a broken and a good PUTSCRIPT, SETACTIVE) whose script then files mail sent over SMTP,
 * and Debian's {@code sieve-connect} uploading and activating a script with STARTTLS and PLAIN.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ManageSieveIT {

    private int smtpPort;
    private int sievePort;
    private Path home;

    @Configuration
    public Option[] configuration() throws Exception {
        TestHome h = TestHome.create("managesieve", "myhostname = mail.example.test");
        h.addUser("alice", "secret");
        h.addUser("bob", "bobpw");
        h.addUser("carol", "secret");
        int sieve = TestHome.freePort();
        Files.writeString(h.home.resolve("configs/tegami.listener-sieve.cfg"),
                "name = sieve\nprotocol = sieve\naddress = 127.0.0.1\nport = " + sieve + "\ntls = starttls\n");
        return options(composite(TegamiOptions.tegami(h.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(h.smtpPort)),
                systemProperty("tegami.test.sieve").value(String.valueOf(sieve)));
    }

    @Before
    public void awaitListeners() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        sievePort = Integer.getInteger("tegami.test.sieve");
        home = Path.of(System.getProperty("tegami.home")).toAbsolutePath();
        Net.awaitListening(smtpPort, 20_000);
        Net.awaitListening(sievePort, 20_000);
    }

    private static String command(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return ManageSieveResponses.read(s.getInputStream());
    }

    private static String literal(String text) {
        return "{" + text.getBytes(StandardCharsets.UTF_8).length + "+}\r\n" + text;
    }

    @Test
    public void rawSessionUploadsAScriptThatFilesMail() throws Exception {
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), sievePort)) {
            plain.setSoTimeout(20_000);
            String greeting = ManageSieveResponses.read(plain.getInputStream());
            assertTrue(greeting, greeting.contains("\"IMPLEMENTATION\" \"Tegami\""));
            assertTrue(greeting, greeting.matches("(?s).*\"SIEVE\" \"[^\"]*fileinto[^\"]*\".*"));
            assertTrue(greeting, greeting.contains("\"STARTTLS\"") && greeting.contains("\"VERSION\" \"1.0\""));
            assertEquals("OK \"Begin TLS negotiation now.\"\n", command(plain, "STARTTLS\r\n"));
            try (Socket tls = Net.upgrade(plain, sievePort)) {
                String caps = ManageSieveResponses.read(tls.getInputStream());
                assertFalse(caps, caps.contains("\"STARTTLS\""));
                assertTrue(caps, caps.contains("\"SASL\" \"PLAIN") && caps.endsWith("OK \"TLS negotiation successful.\"\n"));
                String creds = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));
                assertEquals("OK \"Logged in.\"\n", command(tls, "AUTHENTICATE \"PLAIN\" \"" + creds + "\"\r\n"));
                String broken = command(tls, "PUTSCRIPT \"broken\" " + literal("require \"fileinto\";\nfileinto \"Work\"\ndiscard;\n") + "\r\n");
                assertTrue(broken, broken.matches("(?s)NO .*line \\d+: error: .*"));
                String good = "require [\"fileinto\", \"mailbox\"];\r\nfileinto :create \"Filed\";\r\n";
                assertEquals("OK \"PUTSCRIPT completed.\"\n", command(tls, "PUTSCRIPT \"main\" " + literal(good) + "\r\n"));
                assertEquals("NO (NONEXISTENT) \"Sieve script `broken' not found\"\n", command(tls, "SETACTIVE \"broken\"\r\n"));
                assertEquals("OK \"Setactive completed.\"\n", command(tls, "SETACTIVE \"main\"\r\n"));
                assertEquals("\"main\" ACTIVE\nOK \"Listscripts completed.\"\n", command(tls, "LISTSCRIPTS\r\n"));
                assertEquals("NO (ACTIVE) \"Cannot delete the active Sieve script.\"\n", command(tls, "DELETESCRIPT \"main\"\r\n"));
                assertEquals("OK \"Logout completed.\"\n", command(tls, "LOGOUT\r\n"));
            }
        }
        Path alice = home.resolve("data/home/alice");
        assertEquals(Path.of("sieve/main.sieve"), Files.readSymbolicLink(alice.resolve(".dovecot.sieve")));
        submit("alice@localhost", "managesieve-filed-1");
        await(alice.resolve("Maildir/.Filed"), "managesieve-filed-1");
    }

    @Test
    public void sieveConnectUploadsAndActivatesWithStartTlsAndPlain() throws Exception {
        assumeTrue("sieve-connect is not installed", onPath("sieve-connect"));
        Path script = Files.createTempFile(home, "vacation-", ".sieve");
        Files.writeString(script, "require [\"fileinto\", \"mailbox\"];\nfileinto :create \"ViaSieveConnect\";\n");
        Path password = Files.writeString(home.resolve("bob.pw"), "bobpw\n");
        String common = "sieve-connect --server 127.0.0.1 --port " + sievePort + " --user bob --authmech PLAIN"
                + " --notlsverify --noclearauth --noclearchan --passwordfd 3";
        run(common + " --localsieve '" + script + "' --remotesieve fromsc --upload 3<'" + password + "'");
        run(common + " --remotesieve fromsc --activate 3<'" + password + "'");
        String list = run(common + " --list 3<'" + password + "'");
        assertTrue(list, list.contains("fromsc") && list.contains("ACTIVE"));
        Path bob = home.resolve("data/home/bob");
        assertEquals(Files.readString(script), Files.readString(bob.resolve("sieve/fromsc.sieve")));
        assertEquals(Path.of("sieve/fromsc.sieve"), Files.readSymbolicLink(bob.resolve(".dovecot.sieve")));
        submit("bob@localhost", "sieve-connect-filed-1");
        await(bob.resolve("Maildir/.ViaSieveConnect"), "sieve-connect-filed-1");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    /** Runs a shell command line (for the password file descriptor); its output, or a failure. */
    private static String run(String commandLine) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", commandLine + " </dev/null").redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError("sieve-connect hung: " + out);
        }
        assertEquals(commandLine + "\n" + out, 0, p.exitValue());
        return out;
    }

    private void submit(String to, String subject) throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<carol@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + to + ">"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send(("From: carol@localhost\nTo: " + to + "\nSubject: " + subject + "\n\nBody of " + subject + "\n")
                    .replace("\n", "\r\n"));
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as"));
            smtp.command("QUIT");
        }
    }

    private static void await(Path maildir, String marker) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (String sub : new String[] {"new", "cur"}) {
                Path d = maildir.resolve(sub);
                if (Files.isDirectory(d)) {
                    try (Stream<Path> files = Files.list(d)) {
                        for (Path f : files.toList()) {
                            if (Files.readString(f, StandardCharsets.ISO_8859_1).contains(marker)) {
                                return;
                            }
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message containing " + marker + " in " + maildir);
    }
}
