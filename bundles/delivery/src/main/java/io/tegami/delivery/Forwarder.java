package io.tegami.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import io.tegami.api.queue.QueuedMessage;

/**
 * local(8)'s forwarding: the addresses an alias sends to another system go back into the queue
 * as one new message per envelope sender, with a {@code Delivered-To:} line naming the alias, so
 * that a forward that comes back is recognised as a loop. The sender is kept (or is the list's
 * {@code owner-} address), and so are the message's body type and SMTPUTF8 facts.
 */
final class Forwarder {

    private Forwarder() {
    }

    /** Opens the content to forward (the message itself, or a copy with Sieve's header edits). */
    interface Content {
        InputStream open() throws IOException;
    }

    static DeliveryResult forward(MailQueue queue, QueuedMessage message, MailAddress alias, MailAddress sender,
            List<MailAddress> to, boolean deliveredTo) {
        return forward(queue, message, alias, sender, to, deliveredTo, message::openContent);
    }

    static DeliveryResult forward(MailQueue queue, QueuedMessage message, MailAddress alias, MailAddress sender,
            List<MailAddress> to, boolean deliveredTo, Content source) {
        if (queue == null) {
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "mail queue unavailable for forwarding");
        }
        Map<String, String> attributes = new HashMap<>();
        copy(message.envelope(), attributes, Envelope.BODY);
        copy(message.envelope(), attributes, Envelope.SMTPUTF8);
        copy(message.envelope(), attributes, Envelope.DSN_RET);
        copy(message.envelope(), attributes, Envelope.DSN_ENVID);
        attributes.put(Envelope.PROTOCOL, "local");
        Envelope envelope = new Envelope(sender, to, attributes);
        String id;
        try (MessageWriter writer = queue.create(envelope); InputStream content = source.open()) {
            OutputStream out = writer.content();
            if (deliveredTo) {
                out.write(("Delivered-To: " + alias.toString().replace("\n", "").replace("\r", "") + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            content.transferTo(out);
            id = writer.commit();
        } catch (QueueException e) {
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "cannot forward: " + e.getMessage());
        } catch (IOException e) {
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "cannot read message: " + e.getMessage());
        }
        return DeliveryResult.sent(LocalDeliveryAgent.RELAY, "forwarded as " + id);
    }

    private static void copy(Envelope from, Map<String, String> to, String key) {
        String v = from.attribute(key);
        if (v != null) {
            to.put(key, v);
        }
    }
}
