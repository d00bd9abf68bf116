package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.service.RankedServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleanup in front of the real spool: the queue file holds the rewritten envelope and the cleaned header. */
class CleanupSpoolTest {

    @TempDir
    Path home;

    @Test
    void queueFileHoldsTheCleanedUpMessage() throws Exception {
        try (QueueFixture f = new QueueFixture(home)) {
            f.parameters.set("inet_interfaces", "loopback-only");
            SpoolQueue queue = f.start();
            RankedServices<AddressRewriter> chain = new RankedServices<>();
            chain.add((a, c, m) -> a.replace("@old.example", "@new.example"), Map.of());
            Envelope envelope = new Envelope(MailAddress.parse("joe@old.example"), List.of(MailAddress.parse("ann@old.example")),
                    Map.of(Envelope.CLIENT_ADDRESS, "127.0.0.1"));
            String id;
            String body = "line " + "x".repeat(100) + "\n";
            try (MessageWriter w = new Cleanup(chain, Clock.systemDefaultZone()).create(queue, envelope, f.parameters)) {
                w.content().write("From: Joe <joe@old.example>\nSubject: s\n\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 10_000; i++) {
                    w.content().write(body.getBytes(StandardCharsets.US_ASCII));
                }
                id = w.commit();
            }
            QueuedMessage m = queue.open(id).orElseThrow();
            assertEquals("joe@new.example", m.envelope().sender().toString());
            assertEquals(List.of(MailAddress.parse("ann@new.example")), m.envelope().recipients());
            String text;
            try (InputStream in = m.openContent()) {
                text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
            assertTrue(text.startsWith("From: Joe <joe@new.example>\nSubject: s\nMessage-Id: <"), text.substring(0, 200));
            assertTrue(text.contains("@mail.example.org>\nDate: "), "Message-Id names $myhostname");
            assertEquals(10_000 * body.length(), text.length() - text.indexOf("\n\n") - 2, "the body is intact");
        }
    }
}
