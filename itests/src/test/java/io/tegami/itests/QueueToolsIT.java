package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Postfix queue tools against the running distribution, from an OS shell as an admin uses
 * them: {@code ... | bin/tegami-ctl sendmail}, {@code mailq}, {@code postsuper -h/-H/-d},
 * {@code postqueue -f}, {@code postcat -q}, with the delivery bundle stopped so that mail waits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueToolsIT {

    private static final String HEADER = "-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------";
    /** A message line of mailq: id (+ status), size, asctime's first 20 characters, sender. */
    private static final Pattern MESSAGE_LINE =
            Pattern.compile("(?m)^([0-9A-F]{12})([*!]?) +\\d+ \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d  (\\S+)$");
    private static final String RECIPIENT_LINE = " ".repeat(41) + "alice@localhost";

    private Path home;
    private TestHome ports;
    private InstalledTegami tegami;
    private String held;

    @BeforeAll
    void startServer() throws Exception {
        // A long back-off: retries happen only when a test asks (flush, release, a transport
        // appearing), so mailq is never caught in the middle of an automatic retry.
        ports = TestHome.create("queuetools", "minimal_backoff_time = 1h", "maximal_backoff_time = 1h",
                "queue_run_delay = 1s");
        home = ports.home;
        tegami = InstalledTegami.install(ports);
        Processes.Result started = tegami("start");
        assertEquals(0, started.exitCode(), started.toString());
        Processes.Result added = ctl("useradd", "alice", "secret");
        assertEquals(0, added.exitCode(), added.toString());
    }

    @AfterAll
    void stopServer() throws Exception {
        if (home != null) {
            Processes.Result stopped = tegami("stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    @Test
    @Order(1)
    void mailPipedIntoSendmailIsDelivered() throws Exception {
        Processes.Result sent = pipe("printf 'Subject: piped-one\\n\\nhello from a script\\n'", "sendmail", "alice@localhost");
        assertEquals(new Processes.Result(0, "", ""), sent);
        String message = awaitMessageContaining("piped-one");
        assertTrue(message.contains("\nReceived: by "), message);
        assertTrue(message.contains("(Tegami, from userid "), message);
        assertTrue(message.contains("\nMessage-Id: <"), message);
        assertTrue(message.contains("\nDate: "), message);
        assertTrue(message.endsWith("\nhello from a script\n"), message);
        awaitMailq("Mail queue is empty\n"::equals);
    }

    @Test
    @Order(2)
    void minusTTakesRecipientsFromTheHeaderAndDropsBcc() throws Exception {
        Processes.Result sent = pipe("printf 'To: Someone <nobody@example.invalid>\\nBcc: alice@localhost\\n"
                + "Subject: piped-two\\n\\n.\\nafter a dot line\\n'", "sendmail", "-t", "-i");
        assertEquals(0, sent.exitCode(), sent.toString());
        String message = awaitMessageContaining("piped-two");
        assertFalse(message.contains("Bcc:"), message);
        assertTrue(message.endsWith("\n\n.\nafter a dot line\n"), "-i keeps the dot line: " + message);
    }

    @Test
    @Order(3)
    void withoutDeliveryMailqListsTheMessageInPostfixsFormat() throws Exception {
        // The -t message to nobody@example.invalid has no smtp transport either: clear it first.
        assertEquals(0, ctl("postsuper", "-d", "ALL").exitCode());
        assertEquals(0, ctl("stop", "io.tegami.delivery").exitCode());
        Processes.Result sent = pipe("printf 'Subject: waiting\\n\\nheld back\\n'", "sendmail", "alice@localhost");
        assertEquals(0, sent.exitCode(), sent.toString());

        String mailq = awaitMailq(out -> out.contains("(mail transport unavailable)"));
        List<String> lines = mailq.lines().toList();
        assertEquals(HEADER, lines.get(0), mailq);
        Matcher m = MESSAGE_LINE.matcher(lines.get(1));
        assertTrue(m.matches(), "message line: " + lines.get(1));
        assertEquals("", m.group(2), "deferred: no mark");
        held = m.group(1);
        assertEquals(" ".repeat(76 - "mail transport unavailable".length()) + "(mail transport unavailable)", lines.get(2));
        assertEquals(RECIPIENT_LINE, lines.get(3));
        assertEquals("", lines.get(4));
        assertTrue(lines.get(5).matches("-- \\d+ Kbytes in 1 Request\\."), mailq);

        Processes.Result json = ctl("postqueue", "-j");
        assertTrue(json.stdout().startsWith("{\"queue_name\": \"deferred\", \"queue_id\": \"" + held + "\", "), json.stdout());
        assertTrue(json.stdout().contains("\"recipients\": [{\"address\": \"alice@localhost\", "
                + "\"delay_reason\": \"mail transport unavailable\"}]}"), json.stdout());
    }

    @Test
    @Order(4)
    void postcatShowsTheEnvelopeAndContent() throws Exception {
        Processes.Result cat = ctl("postcat", "-q", held);
        assertEquals(0, cat.exitCode(), cat.toString());
        String out = cat.stdout();
        assertTrue(out.startsWith("*** ENVELOPE RECORDS deferred/" + held + " ***\nmessage_size: "), out);
        assertTrue(out.contains("\nmessage_arrival_time: "), out);
        assertTrue(out.contains("\nnamed_attribute: protocol=local\n"), out);
        assertTrue(out.contains("\nsender: "), out);
        assertTrue(out.contains("\nrecipient: alice@localhost\n*** MESSAGE CONTENTS deferred/" + held + " ***\nReceived: by "), out);
        assertTrue(out.contains("\nSubject: waiting\n"), out);
        assertTrue(out.endsWith("\nheld back\n*** HEADER EXTRACTED deferred/" + held + " ***\n*** MESSAGE FILE END deferred/"
                + held + " ***\n"), out);
    }

    @Test
    @Order(5)
    void heldMailIsNotDeliveredByAFlush() throws Exception {
        Processes.Result hold = ctl("postsuper", "-h", held);
        assertEquals(new Processes.Result(0, "", "postsuper: " + held + ": placed on hold\npostsuper: Placed on hold: 1 message\n"),
                hold);
        assertTrue(ctl("mailq").stdout().contains("\n" + held + "! "), "held mark");

        assertEquals(0, ctl("start", bundleId("Tegami delivery")).exitCode());
        assertEquals(new Processes.Result(0, "", ""), ctl("postqueue", "-f"));
        Thread.sleep(3000);
        assertTrue(Maildirs.read(ports.maildir("alice").resolve("new")).stream().noneMatch(m -> m.contains("Subject: waiting")));
        assertTrue(ctl("mailq").stdout().contains("\n" + held + "! "), ctl("mailq").stdout());
    }

    @Test
    @Order(6)
    void releasedMailIsDeliveredByAFlush() throws Exception {
        Processes.Result release = ctl("postsuper", "-H", held);
        assertEquals(new Processes.Result(0, "",
                "postsuper: " + held + ": released from hold\npostsuper: Released from hold: 1 message\n"), release);
        assertEquals(0, ctl("postqueue", "-f").exitCode());
        String message = awaitMessageContaining("Subject: waiting");
        assertTrue(message.contains("Delivered-To: alice@localhost"), message);
        awaitMailq("Mail queue is empty\n"::equals);
    }

    @Test
    @Order(7)
    void postsuperDeleteAllEmptiesTheQueue() throws Exception {
        assertEquals(0, ctl("stop", "io.tegami.delivery").exitCode());
        for (String subject : List.of("doomed-1", "doomed-2")) {
            assertEquals(0, pipe("printf 'Subject: " + subject + "\\n\\nx\\n'", "sendmail", "alice@localhost").exitCode());
        }
        awaitMailq(out -> out.endsWith("in 2 Requests.\n"));
        Processes.Result deleted = ctl("postsuper", "-d", "ALL");
        assertEquals(new Processes.Result(0, "", "postsuper: Deleted: 2 messages\n"), deleted);
        assertEquals(new Processes.Result(0, "Mail queue is empty\n", ""), ctl("mailq"));
        assertEquals(0, ctl("start", bundleId("Tegami delivery")).exitCode());
        Thread.sleep(1500);
        assertTrue(Maildirs.read(ports.maildir("alice").resolve("new")).stream().noneMatch(m -> m.contains("doomed-")));
    }

    @Test
    @Order(8)
    void errorsExitNonZeroWithPostfixsMessages() throws Exception {
        Processes.Result none = pipe("printf 'Subject: nobody\\n\\n'", "sendmail");
        assertEquals(1, none.exitCode(), none.toString());
        assertEquals("sendmail: fatal: Recipient addresses must be specified on the command line or via the -t option\n",
                none.stderr());
        Processes.Result usage = ctl("postqueue");
        assertEquals(1, usage.exitCode());
        assertTrue(usage.stderr().startsWith("postqueue: fatal: usage: postqueue -f"), usage.stderr());
        Processes.Result unknown = ctl("postfix", "no-such-command");
        assertEquals(1, unknown.exitCode());
        // postfix-script's wording, logged under its tag as Postfix 3 prints it.
        assertTrue(unknown.stderr().startsWith("postfix/postfix-script: fatal: unknown command: 'no-such-command'. Usage: postfix start"),
                unknown.stderr());
        assertEquals(new Processes.Result(0, "", ""), ctl("postfix", "flush"));
    }

    private interface Check {
        boolean ok(String mailq);
    }

    private String awaitMailq(Check check) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String out = "";
        while (System.currentTimeMillis() < deadline) {
            out = ctl("mailq").stdout();
            if (check.ok(out)) {
                return out;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("mailq never matched; last:\n" + out);
    }

    private String awaitMessageContaining(String marker) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (String m : Maildirs.read(ports.maildir("alice").resolve("new"))) {
                if (m.contains(marker)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no message containing " + marker + "; log:\n"
                + Files.readString(home.resolve("logs/tegami.log")));
    }

    private String bundleId(String name) throws Exception {
        Processes.Result lb = ctl("lb");
        for (String line : lb.stdout().lines().toList()) {
            if (line.contains("|" + name + " (")) {
                return line.substring(0, line.indexOf('|')).trim();
            }
        }
        throw new AssertionError("no bundle " + name + " in\n" + lb.stdout());
    }

    private Processes.Result tegami(String action) throws Exception {
        return tegami.tegami(action);
    }

    private Processes.Result ctl(String... args) throws Exception {
        return tegami.ctl(args);
    }

    /** Runs {@code PRODUCER | bin/tegami-ctl ARGS} in sh, as a script would. Args must be shell-safe words. */
    private Processes.Result pipe(String producer, String... args) throws Exception {
        return Processes.run(home, 60, "sh", "-c", producer + " | bin/tegami-ctl " + String.join(" ", args));
    }
}
