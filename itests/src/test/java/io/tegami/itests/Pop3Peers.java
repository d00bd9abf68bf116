package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.tegami.api.store.MailStore;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.user.User;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.pop3.POP3Store;

/**
 * The POP3 peers of the integration tests, each retrieving and deleting a user's mail over the
 * real listener: Angus Mail's POP3 provider (in the container), Python's poplib and Debian's
 * fetchmail (as processes). Also delivery over SMTP and a look at the store, for the scenarios
 * that run on both stores.
 */
final class Pop3Peers {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path FETCHMAIL = Path.of("/usr/bin/fetchmail");

    private Pop3Peers() {
    }

    /** Delivers a message to {@code user@localhost} over SMTP. */
    static void deliver(int smtpPort, String user, String subject, String body) throws IOException {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            smtp.command("EHLO client.example");
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<bob@example.org>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + user + "@localhost>"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            // SMTP's own dot-stuffing (RFC 5321 4.5.2), which the server takes off again.
            String stuffed = body.startsWith(".") ? "." + body.replace("\r\n.", "\r\n..") : body.replace("\r\n.", "\r\n..");
            smtp.send("Subject: " + subject + "\r\nFrom: bob@example.org\r\n\r\n" + stuffed);
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as "));
            smtp.command("QUIT");
        }
    }

    /** How many messages the user's INBOX holds now, asked of the store itself. */
    static int count(MailStore store, Path home, String user) throws Exception {
        User u = new User(user, -1, -1, home.resolve("data/home").resolve(user), Map.of());
        try (MailboxSession s = store.open(u); Mailbox inbox = s.open(MailboxSession.INBOX, true)) {
            return inbox.messages().size();
        }
    }

    /** Waits until the user's INBOX holds {@code n} messages (delivery is asynchronous). */
    static void awaitCount(MailStore store, Path home, String user, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int now;
        while ((now = count(store, home, user)) != n) {
            assertTrue(user + " has " + now + " messages, waiting for " + n, System.nanoTime() < deadline);
            Thread.sleep(100);
        }
    }

    /** Angus Mail: opens INBOX read-write, reads every message, flags them deleted and expunges on close. */
    static List<String> angusRetrieveAndDelete(int port, String user, String password) throws Exception {
        Properties props = new Properties();
        props.put("mail.pop3.host", "127.0.0.1");
        props.put("mail.pop3.port", String.valueOf(port));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader.
        Thread.currentThread().setContextClassLoader(POP3Store.class.getClassLoader());
        try {
            Session session = Session.getInstance(props);
            List<String> subjects = new ArrayList<>();
            try (Store store = session.getStore("pop3")) {
                store.connect(user, password);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                for (Message m : inbox.getMessages()) {
                    subjects.add(m.getSubject() + "|" + new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                    m.setFlag(Flags.Flag.DELETED, true);
                }
                inbox.close(true);
            }
            return subjects;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Python's poplib: logs in (after STLS when {@code stls}), prints STAT, each UIDL and each
     * message, deletes them when {@code delete}, and QUITs.
     */
    static Processes.Result poplib(Path work, int port, String user, String password, boolean stls, boolean delete)
            throws Exception {
        Path script = work.resolve("pop3-peer.py");
        Files.writeString(script, String.join("\n",
                "import poplib, ssl, sys",
                "port, user, password, stls, delete = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] == 'y', sys.argv[5] == 'y'",
                "p = poplib.POP3('127.0.0.1', port, timeout=20)",
                "print('CAPA', sorted(p.capa().keys()))",
                "if stls:",
                "    ctx = ssl.create_default_context()",
                "    ctx.check_hostname = False",
                "    ctx.verify_mode = ssl.CERT_NONE",
                "    print(p.stls(ctx).decode())",
                "print(p.user(user).decode())",
                "print(p.pass_(password).decode())",
                "count, size = p.stat()",
                "print('STAT', count, size)",
                "for entry in p.uidl()[1]:",
                "    print('UIDL', entry.decode())",
                "for i in range(1, count + 1):",
                "    resp, lines, octets = p.retr(i)",
                "    body = b'\\r\\n'.join(lines) + b'\\r\\n'",
                "    print('RETR', i, octets, len(body))",
                "    print(body.decode('utf-8', 'replace'))",
                "    if delete:",
                "        print(p.dele(i).decode())",
                "print(p.quit().decode())",
                ""), StandardCharsets.UTF_8);
        return Processes.run(work, 60, PYTHON.toString(), script.toString(), String.valueOf(port), user, password,
                stls ? "y" : "n", delete ? "y" : "n");
    }

    /**
     * fetchmail: one poll of the user's maildrop over plain POP3 (loopback counts as secure, and
     * {@code sslproto ''} keeps it from STLS with our self-signed certificate), every message
     * appended to a file through an MDA, then deleted on the server (fetchmail's default).
     *
     * @return fetchmail's output and the file the MDA wrote
     */
    static FetchResult fetchmail(Path work, int port, String user, String password) throws Exception {
        Path dir = Files.createTempDirectory(work, "fetchmail-");
        Path out = dir.resolve("fetched.txt");
        Path rc = dir.resolve("fetchmailrc");
        Files.writeString(rc, "set no syslog\n"
                + "poll 127.0.0.1 port " + port + " proto pop3 auth password\n"
                + "  user \"" + user + "\" there with password \"" + password + "\" is \"" + System.getProperty("user.name") + "\" here\n"
                + "  options sslproto '' nokeep\n"
                + "  mda \"/bin/sh -c 'cat >> " + out + "'\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        ProcessBuilder pb = new ProcessBuilder(FETCHMAIL.toString(), "-f", rc.toString(), "--nodetach", "-v")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString()); // .fetchids and the pid file go here
        Process p = pb.start();
        byte[] log = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("fetchmail did not finish");
        }
        String fetched = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        return new FetchResult(p.exitValue(), new String(log, StandardCharsets.UTF_8), fetched);
    }

    /** What fetchmail printed and what its MDA wrote. */
    record FetchResult(int exitCode, String log, String fetched) {
    }

    /** Writes the pop3 (STLS) and pop3s (implicit TLS) listeners into a test home. */
    static void writeListeners(Path home, int pop3Port, int pop3sPort) throws IOException {
        Path configs = home.resolve("configs");
        Files.writeString(configs.resolve("tegami.listener-pop3.cfg"), "name = pop3\nprotocol = pop3\naddress = 127.0.0.1\nport = "
                + pop3Port + "\ntls = starttls\nidle_timeout = 600\n", StandardCharsets.UTF_8);
        Files.writeString(configs.resolve("tegami.listener-pop3s.cfg"), "name = pop3s\nprotocol = pop3\naddress = 127.0.0.1\nport = "
                + pop3sPort + "\ntls = implicit\nidle_timeout = 600\n", StandardCharsets.UTF_8);
    }

    /** The users every scenario below needs, each with password {@code secret-NAME}. */
    static final List<String> SCENARIO_USERS = List.of("ann", "pat", "fred");

    /**
     * Mail delivered over SMTP, then retrieved and deleted by each peer in turn (Angus Mail for
     * ann, poplib for pat, fetchmail for fred): every message arrives whole (a dot-led line and a
     * "From " line intact), and the maildrop is empty afterwards.
     */
    static void deliverRetrieveDelete(MailStore store, Path home, int smtpPort, int pop3Port) throws Exception {
        String body = "first line\r\n.dot-led line\r\nFrom the start of a line\r\n..two dots\r\n";
        for (String user : SCENARIO_USERS) {
            deliver(smtpPort, user, user + "-one", body);
            deliver(smtpPort, user, user + "-two", "short\r\n");
            awaitCount(store, home, user, 2);
        }
        List<String> angus = angusRetrieveAndDelete(pop3Port, "ann", "secret-ann");
        assertEquals(angus.toString(), 2, angus.size());
        // Two queued messages may be delivered in either order.
        assertTrue(angus.toString(), angus.contains("ann-one|" + body) && angus.contains("ann-two|short\r\n"));
        assertEquals(0, count(store, home, "ann"));

        Processes.Result py = poplib(home, pop3Port, "pat", "secret-pat", false, true);
        assertEquals(py.toString(), 0, py.exitCode());
        assertTrue(py.stdout(), py.stdout().contains("STAT 2 "));
        assertTrue(py.stdout(), py.stdout().contains(body)); // poplib takes the stuffing off again
        assertTrue(py.stdout(), py.stdout().contains("+OK Logging out, messages deleted."));
        assertEquals(0, count(store, home, "pat"));

        FetchResult fm = fetchmail(home, pop3Port, "fred", "secret-fred");
        assertEquals(fm.log(), 0, fm.exitCode());
        assertTrue(fm.log() + fm.fetched(), fm.fetched().contains("Subject: fred-one")
                && fm.fetched().contains("Subject: fred-two"));
        assertTrue(fm.fetched(), fm.fetched().contains("\n.dot-led line\n") && fm.fetched().contains("\n..two dots\n"));
        assertEquals(0, count(store, home, "fred"));
    }
}
