package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.sieve.SieveEreject;
import io.tegami.smtp.data.ErejectGate;

/** Sieve's ereject at end of data: refused when every recipient's scripts ereject, queued otherwise. */
class ErejectTest {

    /** Filters the users listed; erejects for those given a reason when the message says SPAM. */
    static final class FakeEreject implements SieveEreject {
        final List<String> filtered = new ArrayList<>(List.of("alice", "postmaster"));
        final Map<String, String> reasons = new java.util.HashMap<>(Map.of("alice", "No spam, please", "postmaster", "Go away"));
        final List<String> seen = new ArrayList<>();

        @Override
        public boolean filters(MailAddress sender, MailAddress recipient) {
            return filtered.contains(recipient.localPart());
        }

        @Override
        public Optional<String> ereject(QueuedMessage message, MailAddress recipient) {
            try (InputStream in = message.openContent()) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                seen.add(recipient + "|" + message.envelope().sender() + "|" + message.size() + "|" + content);
                return content.contains("SPAM") ? Optional.ofNullable(reasons.get(recipient.localPart()))
                        : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final SmtpHarness smtp = new SmtpHarness();
    private final FakeEreject sieve = new FakeEreject();
    @TempDir
    Path tmp;

    @BeforeEach
    void greet() {
        ErejectGate.use(sieve, tmp);
        smtp.start();
    }

    @AfterEach
    void reset() {
        ErejectGate.use(null, null);
    }

    private long copiesLeft() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.toString().endsWith(".ereject")).count();
        }
    }

    @Test
    void everyRecipientErejectsTheMessageIsRefusedAtEndOfData() throws IOException {
        smtp.openData();
        smtp.pipeline("Subject: SPAM", "", "buy");
        assertEquals("550 5.7.1 No spam, please\r\n", smtp.send("."));
        assertTrue(smtp.queue.committed().isEmpty());
        assertEquals(1, smtp.queue.discarded());
        assertEquals(0, copiesLeft(), "the copy is removed");
        // The scripts saw the message as it would have been queued, our Received: header first.
        String seen = sieve.seen.get(0);
        assertTrue(seen.startsWith("alice@localhost|sender@example.com|"), seen);
        assertTrue(seen.contains("|Received: from "), seen);
        assertTrue(seen.endsWith("\nSubject: SPAM\n\nbuy\n"), seen);
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"), "the transaction is over");
    }

    @Test
    void allRecipientsMustEreject() {
        sieve.reasons.remove("postmaster");
        smtp.pipeline("EHLO client.example", "MAIL FROM:<sender@example.com>", "RCPT TO:<alice@localhost>",
                "RCPT TO:<postmaster@localhost>", "DATA");
        smtp.pipeline("Subject: SPAM", "");
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.send("."));
        assertEquals(2, sieve.seen.size());
    }

    @Test
    void severalRecipientsErejectingGetTheFirstReason() {
        smtp.pipeline("EHLO client.example", "MAIL FROM:<sender@example.com>", "RCPT TO:<postmaster@localhost>",
                "RCPT TO:<alice@localhost>", "DATA");
        smtp.pipeline("Subject: SPAM", "");
        assertEquals("550 5.7.1 Go away\r\n", smtp.send("."));
    }

    @Test
    void anUnfilteredRecipientMeansNoCopyAndNoCheck() throws IOException {
        sieve.filtered.remove("alice");
        smtp.openData();
        smtp.pipeline("Subject: SPAM", "");
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.send("."));
        assertTrue(sieve.seen.isEmpty());
        assertEquals(0, copiesLeft());
    }

    @Test
    void largeMessagesAreLeftToDelivery() {
        smtp.params.set(ErejectGate.SIZE_LIMIT, "200");
        smtp.openData();
        smtp.pipeline("Subject: SPAM", "", "x".repeat(300));
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.send("."));
        assertTrue(sieve.seen.isEmpty());
    }

    @Test
    void withoutTheServiceMailIsQueued() {
        ErejectGate.use(null, tmp);
        smtp.openData();
        smtp.pipeline("Subject: SPAM", "");
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.send("."));
    }

    @Test
    void theServiceLeavingMidMessageMeansQueued() {
        smtp.openData();
        smtp.pipeline("Subject: SPAM", "");
        ErejectGate.use(null, tmp);
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.send("."));
    }

    @Test
    void bdatLastChunkIsRefusedToo() {
        smtp.send("EHLO client.example");
        smtp.wire("MAIL FROM:<sender@example.com>\r\nRCPT TO:<alice@localhost>\r\n");
        assertEquals("550 5.7.1 No spam, please\r\n", smtp.wire("BDAT 15 LAST\r\nSubject: SPAM\r\n"));
        assertTrue(smtp.queue.committed().isEmpty());
    }

    @Test
    void multiLineAndNonAsciiReasons() {
        sieve.reasons.put("alice", "First line\r\nsecond: caf\u00e9\n");
        smtp.openData();
        smtp.pipeline("Subject: SPAM", "");
        assertEquals("550-5.7.1 First line\r\n550 5.7.1 second: caf?\r\n", smtp.send("."));
    }

    @Test
    void copiesLeftByACrashAreRemovedAtActivation() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path dir = Files.createDirectories(home.resolve("data/tmp"));
        Path old = Files.writeString(dir.resolve("ABC.1.ereject"), "x");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000L));
        Path fresh = Files.writeString(dir.resolve("DEF.2.ereject"), "y");
        ErejectGate.use(sieve, null); // the home's data/tmp, as in production
        new ErejectGate(new io.tegami.api.config.testing.MapMailParameters(home));
        assertTrue(Files.notExists(old));
        assertTrue(Files.exists(fresh), "a copy of a message in progress stays");
    }
}
