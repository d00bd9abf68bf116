package io.tegami.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.QueuedMessage;

/** A delivery agent that records every call (with the content it read) and answers by script. */
final class ScriptedAgent implements DeliveryAgent {

    /**
     * One call.
     *
     * @param queueId the message
     * @param recipient to whom
     * @param content the content as read through {@link QueuedMessage#openContent()}
     * @param sender the envelope sender
     */
    record Call(String queueId, MailAddress recipient, byte[] content, MailAddress sender) {
        String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile BiFunction<QueuedMessage, MailAddress, DeliveryResult> script;

    ScriptedAgent(BiFunction<QueuedMessage, MailAddress, DeliveryResult> script) {
        this.script = script;
    }

    static ScriptedAgent sending() {
        return new ScriptedAgent((m, r) -> DeliveryResult.sent("local", "delivered to test"));
    }

    void script(BiFunction<QueuedMessage, MailAddress, DeliveryResult> script) {
        this.script = script;
    }

    @Override
    public DeliveryResult deliver(QueuedMessage message, MailAddress recipient) {
        byte[] content;
        try (InputStream in = message.openContent()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        calls.add(new Call(message.queueId(), recipient, content, message.envelope().sender()));
        return script.apply(message, recipient);
    }

    long callsFor(String queueId, MailAddress rcpt) {
        return calls.stream().filter(c -> c.queueId().equals(queueId) && c.recipient().equals(rcpt)).count();
    }
}
