package io.tegami.shell.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** mailq and postqueue -j against Postfix's own output, character for character. */
class MailqFormatTest {

    private static String mailq(FakeQueue q) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new MailqFormat(ZoneOffset.UTC).write(q.list(), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyQueue() {
        assertEquals("Mail queue is empty\n", mailq(new FakeQueue()));
    }

    @Test
    void oneActiveMessageLooksLikePostfixsSample() {
        // The sample from Postfix's documentation, with its 10-character queue id.
        FakeQueue q = new FakeQueue().add("5D4C31A4F0", "active", "sender@example.com",
                Instant.parse("2020-11-27T20:10:00Z"), "x".repeat(512), "rcpt@example.com");
        assertEquals(""
                + "-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------\n"
                + "5D4C31A4F0*     512 Fri Nov 27 20:10:00  sender@example.com\n"
                + "                                         rcpt@example.com\n"
                + "\n"
                + "-- 0 Kbytes in 1 Request.\n", mailq(q));
    }

    @Test
    void heldDeferredAndBounceMessagesWithReasons() {
        FakeQueue q = new FakeQueue()
                .add("0005F3A1B2C4", "deferred", "alice@example.org", Instant.parse("2024-06-04T09:05:07Z"),
                        "y".repeat(2000), "bob@example.org|mail transport unavailable",
                        "carol@example.org|mail transport unavailable",
                        "dave@example.net|connect to mx.example.net[192.0.2.1]:25: Connection refused",
                        "erin@example.org")
                .add("0005F3A1B2C5", "hold", "", Instant.parse("2024-06-04T10:00:00Z"), "z".repeat(100),
                        "postmaster@example.org")
                .add("0005F3A1B2C6", "active", "\"john doe\"@example.org", Instant.parse("2024-06-14T10:00:00Z"),
                        "w".repeat(1024), "frank@example.org");
        assertEquals(""
                + "-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------\n"
                + "0005F3A1B2C4    2000 Tue Jun  4 09:05:07  alice@example.org\n"
                + "                                                  (mail transport unavailable)\n"
                + "                                         bob@example.org\n"
                + "                                         carol@example.org\n"
                + "                 (connect to mx.example.net[192.0.2.1]:25: Connection refused)\n"
                + "                                         dave@example.net\n"
                + "                                                          (reason unavailable)\n"
                + "                                         erin@example.org\n"
                + "\n"
                + "0005F3A1B2C5!     100 Tue Jun  4 10:00:00  MAILER-DAEMON\n"
                + "                                         postmaster@example.org\n"
                + "\n"
                + "0005F3A1B2C6*    1024 Fri Jun 14 10:00:00  \"john doe\"@example.org\n"
                + "                                         frank@example.org\n"
                + "\n"
                + "-- 3 Kbytes in 3 Requests.\n", mailq(q));
    }

    @Test
    void recipientsWithAReasonComeFirstAsShowqReadsTheDeferLogFirst() {
        FakeQueue q = new FakeQueue().add("ABCDEF012345", "deferred", "a@example.org", Instant.parse("2024-01-01T00:00:00Z"),
                "m", "untried@example.org", "tried@example.org|mailbox busy");
        String text = mailq(q);
        int tried = text.indexOf("tried@example.org\n");
        int untried = text.indexOf("untried@example.org\n");
        assertEquals(true, text.indexOf("(mailbox busy)") < tried && tried < untried, text);
    }

    @Test
    void jsonLinesAsPostqueueMinusJ() {
        FakeQueue q = new FakeQueue()
                .add("0005F3A1B2C4", "deferred", "alice@example.org", Instant.parse("2024-06-04T09:05:07Z"), "12345",
                        "bob@example.org|said: \"no\"\tback\\slash", "erin@example.org")
                .add("0005F3A1B2C5", "hold", "", Instant.parse("2024-06-04T10:00:00Z"), "", "x@example.org");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MailqJson().write(q.list(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(""
                + "{\"queue_name\": \"deferred\", \"queue_id\": \"0005F3A1B2C4\", \"arrival_time\": 1717491907, "
                + "\"message_size\": 5, \"forced_expire\": false, \"sender\": \"alice@example.org\", \"recipients\": "
                + "[{\"address\": \"bob@example.org\", \"delay_reason\": \"said: \\\"no\\\"\\tback\\\\slash\"}, "
                + "{\"address\": \"erin@example.org\"}]}\n"
                + "{\"queue_name\": \"hold\", \"queue_id\": \"0005F3A1B2C5\", \"arrival_time\": 1717495200, "
                + "\"message_size\": 0, \"forced_expire\": false, \"sender\": \"MAILER-DAEMON\", \"recipients\": "
                + "[{\"address\": \"x@example.org\"}]}\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
