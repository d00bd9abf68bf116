package io.tegami.smtp.restriction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.rewrite.InternalForm;
import io.tegami.api.rewrite.MessageContext;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import io.tegami.smtp.session.SmtpdLog;

/**
 * What the queue's cleanup will make of an envelope address: the {@link AddressRewriter} chain
 * (canonical(5) maps, masquerading, plugins) asked as cleanup asks it, in the local context. This
 * is how Postfix's check_rcpt_maps() accepts an address that {@code canonical_maps} or
 * {@code recipient_canonical_maps} lists even when no user has that name, without the SMTP server
 * reading those tables itself: the address that will be delivered is validated instead.
 *
 * <p>As the queue does, a rewriter that fails with a runtime exception or answers nonsense is
 * skipped; a {@link RewriteException} (a table could not be read) ends the check with
 * {@code 451 4.3.0 Temporary lookup failure}.
 */
final class RewrittenAddress {

    private RewrittenAddress() {
    }

    /**
     * The complete address {@code address} (internal form) will be delivered as, or {@code null}
     * when the rewriters leave it as it is (or there are none).
     *
     * @param sender true for the envelope sender, false for a recipient
     * @param reply the address as the client wrote it, for a temporary failure's reply
     */
    static String of(CheckState state, String address, boolean sender, String reply) {
        AddressClass addressClass = sender ? AddressClass.ENVELOPE_SENDER : AddressClass.ENVELOPE_RECIPIENT;
        List<AddressRewriter> rewriters = state.lookups().rewriters();
        if (rewriters.isEmpty() || !InternalForm.isComplete(address)) {
            return null;
        }
        MessageContext message;
        try {
            message = new MessageContext(MessageContext.NOQUEUE, envelope(state, address, addressClass), RewriteContext.LOCAL);
        } catch (IllegalArgumentException e) {
            return null; // not an address the queue would take either
        }
        String current = address;
        for (AddressRewriter rewriter : rewriters) {
            String next;
            try {
                next = rewriter.rewrite(current, addressClass, message);
            } catch (RewriteException e) {
                SmtpdLog.warn("{} lookup of <{}> failed: {}", addressClass.postfixName(), current, e.getMessage());
                throw Rejects.dictRetry(state, reply);
            } catch (RuntimeException e) {
                SmtpdLog.warn("address rewriter {} failed on <{}>: {}", rewriter.getClass().getName(), current, e.toString());
                continue;
            }
            if (next != null && !next.isEmpty() && next.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                current = next;
            }
        }
        // The queue keeps an envelope address that came back incomplete; so does this check.
        return current.equals(address) || !InternalForm.isComplete(current) ? null : current;
    }

    /** The envelope as far as the transaction has it: the address, who sends it and from where. */
    private static Envelope envelope(CheckState state, String address, AddressClass addressClass) {
        Facts facts = state.facts();
        Map<String, String> attributes = new HashMap<>();
        attributes.put(Envelope.CLIENT_ADDRESS, facts.client().address());
        attributes.put(Envelope.CLIENT_NAME, facts.client().name());
        attributes.put(Envelope.PROTOCOL, facts.protocol());
        if (state.helo != null) {
            attributes.put(Envelope.HELO_NAME, state.helo);
        }
        if (facts.saslUsername() != null) {
            attributes.put(Envelope.SASL_USERNAME, facts.saslUsername());
        }
        MailAddress self = MailAddress.parse(address);
        if (addressClass == AddressClass.ENVELOPE_SENDER) {
            String recipient = state.recipient;
            List<MailAddress> to = recipient != null && InternalForm.isComplete(recipient)
                    ? List.of(MailAddress.parse(recipient)) : List.of(self);
            return new Envelope(self, to, attributes);
        }
        MailAddress sender = MailAddress.NULL_SENDER;
        if (state.sender != null && InternalForm.isComplete(state.sender)) {
            sender = MailAddress.parse(state.sender);
        }
        return new Envelope(sender, List.of(self), attributes);
    }
}
