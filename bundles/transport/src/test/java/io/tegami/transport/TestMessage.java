package io.tegami.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;

/** A queued message in memory, for tests. */
final class TestMessage implements QueuedMessage {

    private final Envelope envelope;
    private final byte[] content;

    TestMessage(Envelope envelope, String content) {
        this.envelope = envelope;
        this.content = content.getBytes(StandardCharsets.UTF_8);
    }

    static TestMessage of(String sender, String content, String... rcpts) {
        return new TestMessage(new Envelope(MailAddress.parse(sender),
                Arrays.stream(rcpts).map(MailAddress::parse).toList(), Map.of()), content);
    }

    static List<MailAddress> addresses(String... rcpts) {
        return Arrays.stream(rcpts).map(MailAddress::parse).toList();
    }

    @Override
    public String queueId() {
        return "TESTQ1";
    }

    @Override
    public Envelope envelope() {
        return envelope;
    }

    @Override
    public Instant arrivalTime() {
        return Instant.now();
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public InputStream openContent() throws IOException {
        return new ByteArrayInputStream(content);
    }
}
