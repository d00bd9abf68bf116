package io.tegami.itests;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;

/** Puts messages straight into the queue, as a submission would, for the outbound SMTP tests. */
final class OutboundMail {

    private OutboundMail() {
    }

    /** Queues a message with {@code marker} as its subject; returns the queue id. */
    static String queue(MailQueue queue, String sender, String marker, String... rcpts) throws Exception {
        List<MailAddress> to = Arrays.stream(rcpts).map(MailAddress::parse).toList();
        try (MessageWriter w = queue.create(Envelope.of(MailAddress.parse(sender), to))) {
            OutputStream out = w.content();
            out.write(("From: <" + sender + ">\nTo: <" + rcpts[0] + ">\nSubject: " + marker
                    + "\n\nfirst line\n.a line that starts with a dot\nlast line\n").getBytes(StandardCharsets.UTF_8));
            return w.commit();
        }
    }

    /** Waits until the queue no longer has {@code id}. */
    static void awaitGone(MailQueue queue, String id, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (queue.find(id).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still queued: " + queue.find(id));
    }
}
