package io.tegami.shell.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.shell.CommandFailedException;

/** sendmail: recipients, -t and Bcc, the headers pickup adds, dot and size rules, streaming into the queue. */
class SendmailTest {

    private final FakeQueue queue = new FakeQueue();
    private final MapMailParameters parameters = new MapMailParameters(Path.of("/opt/tegami"), Map.of(
            "myhostname", "mail.example.org", "myorigin", "example.org", "mail_name", "Tegami",
            "message_size_limit", "10240000"));
    private final Clock clock = Clock.fixed(Instant.parse("2020-11-27T19:10:00Z"), ZoneId.of("Europe/Paris"));
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String send(String input, String... args) {
        return send(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
    }

    private String send(InputStream in, String... args) {
        new Sendmail(queue, parameters, new ProcessUser("root", 0), clock)
                .run(args, in, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        return queue.messages.keySet().stream().reduce((a, b) -> b).orElseThrow();
    }

    private Envelope envelope(String id) {
        return queue.messages.get(id).entry.envelope();
    }

    private static List<MailAddress> addresses(String... a) {
        return java.util.Arrays.stream(a).map(MailAddress::parse).toList();
    }

    @Test
    void aPlainMessageGetsPickupsHeaders() {
        String id = send("Subject: hello\n\nbody\n", "bob@example.org");
        assertEquals(MailAddress.parse("root@example.org"), envelope(id).sender());
        assertEquals(addresses("bob@example.org"), envelope(id).recipients());
        assertEquals("local", envelope(id).attribute(Envelope.PROTOCOL));
        assertEquals(""
                + "Received: by mail.example.org (Tegami, from userid 0)\n"
                + "\tid " + id + "; Fri, 27 Nov 2020 20:10:00 +0100 (CET)\n"
                + "Subject: hello\n"
                + "Message-Id: <20201127191000." + id + "@mail.example.org>\n"
                + "Date: Fri, 27 Nov 2020 20:10:00 +0100 (CET)\n"
                + "From: root@example.org\n"
                + "\n"
                + "body\n", queue.text(id));
    }

    @Test
    void minusTTakesRecipientsFromToCcAndBccAndRemovesBcc() {
        String id = send(""
                + "From: Alice <alice@example.org>\n"
                + "To: \"Smith, Bob\" <bob@example.org>, carol (Carol C.)\n"
                + "Cc: friends: dave@example.net, <@relay.example:erin@example.net>;\n"
                + "Bcc: secret@example.org,\n"
                + "\thidden@example.org\n"
                + "Date: Thu, 26 Nov 2020 10:00:00 +0000\n"
                + "Message-Id: <given@example.org>\n"
                + "Subject: party\n"
                + "\n"
                + "Bcc: in the body stays\n", "-t", "-f", "alice@example.org");
        assertEquals(addresses("bob@example.org", "carol@example.org", "dave@example.net", "erin@example.net",
                "secret@example.org", "hidden@example.org"), envelope(id).recipients());
        String text = queue.text(id);
        assertFalse(text.contains("secret@"), text);
        assertFalse(text.contains("hidden@"), text);
        assertTrue(text.contains("\nFrom: Alice <alice@example.org>\nTo: \"Smith, Bob\" <bob@example.org>, carol (Carol C.)\n"
                + "Cc: friends: dave@example.net, <@relay.example:erin@example.net>;\nDate: Thu, 26 Nov 2020 10:00:00 +0000\n"
                + "Message-Id: <given@example.org>\nSubject: party\n\nBcc: in the body stays\n"), text);
        assertEquals(1, text.split("Message-Id:", -1).length - 1, "none added when present");
    }

    @Test
    void minusTAddsToCommandLineRecipientsAndPrefersResentHeaders() {
        String id = send("To: old@example.org\nResent-From: me@example.org\nResent-To: new@example.org\n"
                + "Resent-Bcc: quiet@example.org\n\nx\n", "-t", "extra@example.org");
        assertEquals(addresses("extra@example.org", "new@example.org", "quiet@example.org"), envelope(id).recipients());
        assertFalse(queue.text(id).contains("quiet@"), "Resent-Bcc is removed too");
    }

    @Test
    void recipientArgumentsAreAddressListsAndBareNamesGetMyorigin() {
        String id = send("x\n", "bob, Carol <carol@Example.NET>", "dave@example.org");
        assertEquals(addresses("bob@example.org", "carol@example.net", "dave@example.org"), envelope(id).recipients());
        assertEquals("Received: by mail.example.org", queue.text(id).substring(0, 29));
        assertTrue(queue.text(id).endsWith("From: root@example.org\n\nx\n"), "a body without a header gets its blank line");
    }

    @Test
    void aLoneDotEndsTheMessageUnlessMinusI() {
        String id = send("Subject: dots\r\n\r\n..two\r\n.\r\nnot this\r\n", "bob@example.org");
        assertTrue(queue.text(id).endsWith("\nSubject: dots\n" + "Message-Id: <20201127191000." + id
                + "@mail.example.org>\nDate: Fri, 27 Nov 2020 20:10:00 +0100 (CET)\nFrom: root@example.org\n\n..two\n"),
                queue.text(id));
        String kept = send("Subject: dots\n\n.\nthis too", "-oi", "bob@example.org");
        assertTrue(queue.text(kept).endsWith("\n\n.\nthis too\n"), queue.text(kept));
        String i = send("Subject: dots\n\n.\n", "-i", "bob@example.org");
        assertTrue(queue.text(i).endsWith("\n\n.\n"));
    }

    @Test
    void senderOptionsAndFullName() {
        String id = send("Subject: x\n\n", "-f", "<>", "bob@example.org");
        assertTrue(envelope(id).sender().isNullSender());
        String named = send("Subject: x\n\n", "-fjohn", "-F", "John Q. Public", "bob@example.org");
        assertEquals(MailAddress.parse("john@example.org"), envelope(named).sender());
        assertTrue(queue.text(named).contains("\nFrom: \"John Q. Public\" <john@example.org>\n"), queue.text(named));
        String plain = send("Subject: x\n\n", "-r", "<jane@example.com>", "-FJane Doe", "bob@example.org");
        assertEquals(MailAddress.parse("jane@example.com"), envelope(plain).sender());
        assertTrue(queue.text(plain).contains("\nFrom: Jane Doe <jane@example.com>\n"), queue.text(plain));
    }

    @Test
    void aLeadingUnixFromLineAndDroppedHeaders() {
        String id = send("From root Fri Nov 27 20:10:00 2020\nReturn-Path: <evil@example.org>\nContent-Length: 3\n"
                + "Subject: s\n\nb\n", "bob@example.org");
        String text = queue.text(id);
        assertFalse(text.contains("From root"), text);
        assertFalse(text.contains("Return-Path"), text);
        assertFalse(text.contains("Content-Length"), text);
    }

    @Test
    void noRecipientsIsAnErrorAndNothingIsQueued() {
        assertEquals("sendmail: fatal: Recipient addresses must be specified on the command line or via the -t option",
                assertThrows(CommandFailedException.class, () -> send("x\n")).getMessage());
        assertEquals("sendmail: fatal: root(0): No recipient addresses found in message header",
                assertThrows(CommandFailedException.class, () -> send("To: undisclosed-recipients:;\n\nx\n", "-t")).getMessage());
        assertEquals(List.of(), queue.calls);
    }

    @Test
    void aMessageOverTheSizeLimitIsNotQueued() {
        parameters.set("message_size_limit", "1000");
        assertEquals("sendmail: fatal: root(0): message file too big",
                assertThrows(CommandFailedException.class, () -> send("Subject: big\n\n" + "y".repeat(2000) + "\n",
                        "bob@example.org")).getMessage());
        assertEquals(2, queue.calls.size());
        assertTrue(queue.calls.get(0).startsWith("create "));
        assertTrue(queue.calls.get(1).startsWith("discard "), "the writer is closed without commit");
        assertTrue(queue.messages.isEmpty());
    }

    @Test
    void brokenInputIsNotQueued() {
        InputStream broken = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ < 100) {
                    return 'a';
                }
                throw new IOException("standard input ended without its end marker (client gone)");
            }
        };
        assertEquals("sendmail: fatal: root(0): error reading input: standard input ended without its end marker (client gone)",
                assertThrows(CommandFailedException.class, () -> send(broken, "bob@example.org")).getMessage());
        assertTrue(queue.messages.isEmpty(), "half a message is never queued");
    }

    @Test
    void aHugeBodyIsStreamedNotHeld() {
        parameters.set("message_size_limit", "0");
        // 30 MB of body from a generator: this would not fit the test heap twice if held as text.
        InputStream big = new InputStream() {
            private final byte[] head = "Subject: big\n\n".getBytes(StandardCharsets.US_ASCII);
            private long i;

            @Override
            public int read() {
                long n = i++;
                if (n < head.length) {
                    return head[(int) n];
                }
                return n < 30_000_000L ? (n % 100 == 99 ? '\n' : 'z') : -1;
            }
        };
        String id = send(big, "bob@example.org");
        assertTrue(queue.messages.get(id).content.length > 30_000_000 - 100);
    }

    @Test
    void listAndFlushModes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Sendmail(queue, parameters, new ProcessUser("root", 0), clock)
                .run(new String[] {"-bp"}, InputStream.nullInputStream(), new PrintStream(out, true), System.err);
        assertEquals("Mail queue is empty\n", out.toString());
        new Sendmail(queue, parameters, new ProcessUser("root", 0), clock)
                .run(new String[] {"-q"}, InputStream.nullInputStream(), System.out, System.err);
        new Sendmail(queue, parameters, new ProcessUser("root", 0), clock)
                .run(new String[] {"-qI0123456789AB"}, InputStream.nullInputStream(), System.out, System.err);
        assertEquals(List.of("flush", "flush 0123456789AB"), queue.calls);
        assertEquals("sendmail: fatal: mail system is down: the mail queue is not running",
                assertThrows(CommandFailedException.class, () -> new Sendmail(null, parameters, new ProcessUser("root", 0), clock)
                        .run(new String[] {"bob"}, InputStream.nullInputStream(), System.out, System.err)).getMessage());
    }
}
