package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the security battery (SecurityBatteryIT) repeats: replies that are the protocol's own
 * errors and never a Java stack trace, files that stayed where they belong, and a fresh login
 * that still works after an attack.
 */
final class Battery {

    /** A stack frame or a qualified exception name: what must never reach a client. */
    private static final Pattern LEAK = Pattern.compile("(^|\\n)\\s*at [\\w.$]+\\(|\\b(java|io\\.tegami|org|com)\\.[\\w.]*(Exception|Error)\\b");

    private Battery() {
    }

    /** Fails if {@code text} looks like a stack trace or names an exception class. */
    static String noLeak(String text) {
        assertFalse("a stack trace reached the client:\n" + text, text != null && LEAK.matcher(text).find());
        return text;
    }

    /** The tagged IMAP response for {@code tag} is NO or BAD, and leaks nothing. */
    static String refusedImap(String tag, String response) {
        noLeak(response);
        assertTrue(response, Pattern.compile("(?m)^" + Pattern.quote(tag) + " (NO|BAD) ").matcher(response).find());
        return response;
    }

    /**
     * Every path under {@code root} whose name contains {@code token} lies under one of the
     * {@code allowed} folders: nothing a traversal attempt named escaped the user's home.
     */
    static void onlyUnder(Path root, String token, Path... allowed) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> p.getFileName() != null && p.getFileName().toString().contains(token)).toList()) {
                boolean ok = Stream.of(allowed).anyMatch(a -> p.toAbsolutePath().normalize().startsWith(a.toAbsolutePath().normalize()));
                assertTrue("created outside the user's home: " + p, ok);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String outside : List.of("/etc", "/tmp", "/root", "/")) {
            try (Stream<Path> list = Files.list(Path.of(outside))) {
                assertFalse("created in " + outside, list.anyMatch(p -> p.getFileName().toString().contains(token)));
            } catch (IOException e) {
                // not readable here: nothing to check
            }
        }
    }

    /** Waits up to 20 s for a message containing {@code marker} in a Maildir's new/; returns it. */
    static String awaitMessage(Path dir, String marker) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        int seen = 0;
        while (System.currentTimeMillis() < deadline) {
            List<String> messages = Files.isDirectory(dir) ? Maildirs.read(dir) : List.of();
            seen = messages.size();
            for (String m : messages) {
                if (m.contains(marker)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message containing " + marker + " in " + dir + " among " + seen);
    }

    /** A fresh IMAP connection logs in as alice and selects the INBOX. */
    static void imapLoginWorks(int port) throws IOException {
        try (RawImap imap = new RawImap(port)) {
            assertTrue(imap.readLine().startsWith("* OK"));
            assertTrue(noLeak(imap.command("z1", "LOGIN alice secret")).contains("z1 OK"));
            assertTrue(imap.command("z2", "SELECT INBOX").contains("z2 OK"));
            imap.command("z3", "LOGOUT");
        }
    }

    /** A fresh POP3 connection logs in as alice. */
    static void pop3LoginWorks(int port) throws IOException, InterruptedException {
        // The attacker's session may still hold the maildrop lock until the server sees it closed.
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Pop3Client pop3 = new Pop3Client(port)) {
                String reply = noLeak(pop3.login("alice", "secret"));
                if (reply.startsWith("+OK")) {
                    assertTrue(pop3.command("QUIT").startsWith("+OK Logging out"));
                    return;
                }
                assertTrue(reply, reply.startsWith("-ERR [IN-USE]") && System.currentTimeMillis() < deadline);
            }
            Thread.sleep(200);
        }
    }

    /** A fresh SMTP session is greeted and takes a transaction up to RCPT. */
    static void smtpWorks(int port) throws IOException {
        try (SmtpClient smtp = new SmtpClient(port)) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            smtp.send("EHLO client.example\r\n");
            smtp.reply();
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<someone@relay-test.example>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
    }

    /** A minimal ManageSieve (RFC 5804) client: commands out, responses (literals read whole) in. */
    static final class Sieve implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        final String greeting;

        Sieve(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(20_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            greeting = response();
        }

        /** Sends raw text and reads one response (up to OK, NO or BYE). */
        String command(String raw) throws IOException {
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return noLeak(response());
        }

        String response() throws IOException {
            return ManageSieveResponses.read(in);
        }

        /** Logs in as alice with AUTHENTICATE PLAIN (loopback counts as secured, as in Dovecot). */
        String login() throws IOException {
            String creds = java.util.Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));
            return command("AUTHENTICATE \"PLAIN\" \"" + creds + "\"\r\n");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
