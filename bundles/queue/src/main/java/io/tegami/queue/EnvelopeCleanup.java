package io.tegami.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;
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
 * local context, then through {@code virtual_alias_maps} ({@link VirtualAliasing}), and recipients
 * that became the same address are kept once (with the DSN parameters of the first).
 *
 * <p>A recipient that virtual aliasing replaced passes its DSN parameters to each address it
 * became: its {@code NOTIFY}, and as {@code ORCPT} the one the client gave or else the address as
 * it was received, as Postfix keeps the original recipient with every expanded address.
 */
final class EnvelopeCleanup {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.queue.cleanup");

    private EnvelopeCleanup() {
    }

    static Envelope rewrite(Envelope envelope, Rewriting rewriting, VirtualAliasing virtual, MailParameters parameters)
            throws RewriteException {
        MessageContext message = new MessageContext(MessageContext.NOQUEUE, envelope, RewriteContext.LOCAL);
        MailAddress sender = envelope.sender();
        String origin = parameters.get("myorigin").orElseGet(() -> parameters.get("myhostname", "")).trim();
        if (!sender.isNullSender() && sender.localPart().equalsIgnoreCase("MAILER-DAEMON") && sender.domain().equalsIgnoreCase(origin)) {
            sender = MailAddress.NULL_SENDER;
        }
        if (!sender.isNullSender() && !rewriting.isEmpty()) {
            sender = rewrite(sender, AddressClass.ENVELOPE_SENDER, rewriting, message);
        }
        Map<MailAddress, RecipientDsn> recipients = new LinkedHashMap<>();
        for (MailAddress rcpt : envelope.recipients()) {
            MailAddress canonical = rewriting.isEmpty() ? rcpt : rewrite(rcpt, AddressClass.ENVELOPE_RECIPIENT, rewriting, message);
            List<MailAddress> expanded = virtual.expand(canonical, parameters, message.queueId());
            RecipientDsn dsn = envelope.dsn(rcpt);
            for (MailAddress target : expanded) {
                recipients.putIfAbsent(target, target.equals(canonical) ? dsn : inherited(rcpt, dsn));
            }
        }
        return new Envelope(sender, List.copyOf(recipients.keySet()), envelope.attributes(), recipients);
    }

    /** What an address that {@code original} expanded into inherits: NOTIFY, and ORCPT or the original. */
    static RecipientDsn inherited(MailAddress original, RecipientDsn dsn) {
        if (dsn.orcpt() != null) {
            return dsn;
        }
        String address = original.toString();
        String type = address.chars().allMatch(c -> c < 0x80) ? "rfc822" : "utf-8";
        return new RecipientDsn(dsn.notifyOn(), type + ";" + address);
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
