package io.tegami.queue;

import java.util.ArrayList;
import java.util.List;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.InternalForm;
import io.tegami.api.rewrite.MessageContext;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postfix's cleanup_addr_sender() and cleanup_addr_recipient(): the envelope as it goes into the
 * queue file. The sender {@code MAILER-DAEMON@$myorigin} becomes the null sender (bounces are
 * recognised however they were submitted); then every address goes through the rewriters in the
 * local context, and recipients that became the same address are kept once (with the DSN
 * parameters of the first).
 */
final class EnvelopeCleanup {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.queue.cleanup");

    private EnvelopeCleanup() {
    }

    static Envelope rewrite(Envelope envelope, Rewriting rewriting, MailParameters parameters) throws RewriteException {
        MessageContext message = new MessageContext(MessageContext.NOQUEUE, envelope, RewriteContext.LOCAL);
        MailAddress sender = envelope.sender();
        String origin = parameters.get("myorigin").orElseGet(() -> parameters.get("myhostname", "")).trim();
        if (!sender.isNullSender() && sender.localPart().equalsIgnoreCase("MAILER-DAEMON") && sender.domain().equalsIgnoreCase(origin)) {
            sender = MailAddress.NULL_SENDER;
        }
        if (!sender.isNullSender() && !rewriting.isEmpty()) {
            sender = rewrite(sender, AddressClass.ENVELOPE_SENDER, rewriting, message);
        }
        List<MailAddress> recipients = new ArrayList<>();
        for (MailAddress rcpt : envelope.recipients()) {
            recipients.add(rewriting.isEmpty() ? rcpt : rewrite(rcpt, AddressClass.ENVELOPE_RECIPIENT, rewriting, message));
        }
        // Keeps each recipient's DSN parameters (NOTIFY, ORCPT) with its new address.
        return envelope.withAddresses(sender, recipients);
    }

    private static MailAddress rewrite(MailAddress address, AddressClass addressClass, Rewriting rewriting,
            MessageContext message) throws RewriteException {
        String internal = address.localPart() + "@" + address.domain();
        String result = rewriting.apply(internal, addressClass, message);
        if (result.equals(internal)) {
            return address;
        }
        String local = InternalForm.localPart(result);
        String domain = InternalForm.domain(result);
        if (local.isEmpty() || domain.isEmpty()) {
            LOG.warn("{}: {} <{}> rewritten to incomplete <{}>; kept", message.queueId(), addressClass.postfixName(),
                    address, result);
            return address;
        }
        return MailAddress.of(local, domain);
    }
}
