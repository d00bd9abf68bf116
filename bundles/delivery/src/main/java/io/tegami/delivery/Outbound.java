package io.tegami.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;

/**
 * Messages that Sieve actions compose (rejections, vacation replies) go into the queue like any
 * other mail: the queue is the only way out, so they are retried, logged and bounced normally.
 */
final class Outbound {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            java.util.Locale.ROOT);

    private Outbound() {
    }

    /** Callback that writes the part of a message that is streamed (the original's header...). */
    interface Tail {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Queues a message from {@code sender} to {@code to}: {@code head} (LF line ends), then what
     * {@code tail} writes.
     *
     * @return the new queue id
     */
    static String send(MailQueue queue, MailAddress sender, MailAddress to, String head, Tail tail)
            throws IOException {
        if (queue == null) {
            throw new IOException("mail queue unavailable");
        }
        Envelope envelope = new Envelope(sender, List.of(to), Map.of(Envelope.PROTOCOL, "local",
                Envelope.BODY, "8BITMIME"));
        try (MessageWriter writer = queue.create(envelope)) {
            OutputStream out = writer.content();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            if (tail != null) {
                tail.writeTo(out);
            }
            return writer.commit();
        } catch (QueueException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Copies a stream, used for the original's header in a rejection. */
    static Tail copyOf(InputStream in) {
        return in::transferTo;
    }

    static String date(Instant now) {
        return DATE.format(now.atOffset(ZoneOffset.UTC));
    }

    static String messageId(String host) {
        return "<" + UUID.randomUUID().toString().replace("-", "") + "@" + host + ">";
    }

    /** A header text as is when ASCII, else one RFC 2047 encoded word (UTF-8, base64). */
    static String encoded(String s) {
        String v = oneLine(s);
        if (v.chars().allMatch(c -> c < 0x80)) {
            return v;
        }
        return "=?utf-8?b?" + java.util.Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** A header value without line breaks: nothing from a script or a message can add fields. */
    static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", "").replace("\n", " ");
    }
}
