package io.tegami.shell.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueueEntry;
import io.tegami.shell.CommandFailedException;

/** postcat -q: Postfix's section markers and record names over a queued message. */
class PostcatTest {

    private final FakeQueue queue = new FakeQueue();

    PostcatTest() {
        queue.add("0005F3A1B2C4", "deferred", "alice@example.org", Instant.parse("2020-11-27T20:10:00Z"),
                "Subject: hi\nTo: bob@example.org,\n carol@example.org\n\nbody line\n\nlast", "carol@example.org");
        // bob was delivered already: the envelope names him, the pending list does not
        FakeQueue.Message m = queue.messages.get("0005F3A1B2C4");
        QueueEntry e = m.entry;
        Envelope env = new Envelope(e.envelope().sender(),
                List.of(MailAddress.parse("bob@example.org"), MailAddress.parse("carol@example.org")),
                Map.of(Envelope.PROTOCOL, "ESMTP", Envelope.CLIENT_ADDRESS, "192.0.2.1", Envelope.BODY, "8BITMIME"));
        m.entry = new QueueEntry(e.queueId(), e.queueName(), env, e.pending(), e.size(), e.arrivalTime(), null, e.recipients());
    }

    private String postcat(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Postcat(queue, ZoneOffset.UTC).run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everythingByDefault() {
        assertEquals(""
                + "*** ENVELOPE RECORDS deferred/0005F3A1B2C4 ***\n"
                + "message_size:              68               0               2               0              68               0\n"
                + "message_arrival_time: Fri Nov 27 20:10:00 2020\n"
                + "named_attribute: client_address=192.0.2.1\n"
                + "named_attribute: protocol=ESMTP\n"
                + "sender: alice@example.org\n"
                + "done_recipient: bob@example.org\n"
                + "recipient: carol@example.org\n"
                + "*** MESSAGE CONTENTS deferred/0005F3A1B2C4 ***\n"
                + "Subject: hi\nTo: bob@example.org,\n carol@example.org\n\nbody line\n\nlast\n"
                + "*** HEADER EXTRACTED deferred/0005F3A1B2C4 ***\n"
                + "named_attribute: encoding=8bit\n"
                + "*** MESSAGE FILE END deferred/0005F3A1B2C4 ***\n", postcat("-q", "0005F3A1B2C4"));
    }

    @Test
    void headerOrBodyOnly() {
        assertEquals("Subject: hi\nTo: bob@example.org,\n carol@example.org\n", postcat("-h", "-q", "0005F3A1B2C4"));
        assertEquals("\nbody line\n\nlast\n", postcat("-bq", "0005F3A1B2C4"));
    }

    @Test
    void errorsAsPostfixWords() {
        assertEquals("postcat: fatal: open queue file 0123456789AB: No such file or directory",
                assertThrows(CommandFailedException.class, () -> postcat("-q", "0123456789AB")).getMessage());
        assertEquals("postcat: fatal: bad mail queue ID: ../x",
                assertThrows(CommandFailedException.class, () -> postcat("-q", "../x")).getMessage());
        assertEquals("postcat: fatal: only queued messages can be shown here: use postcat -q queue_id",
                assertThrows(CommandFailedException.class, () -> postcat("/var/spool/x")).getMessage());
    }
}
