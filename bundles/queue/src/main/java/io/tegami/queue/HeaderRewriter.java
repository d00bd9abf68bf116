package io.tegami.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.MessageContext;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Postfix's cleanup does to each field of the primary header (cleanup_header_callback) and at
 * its end: note which headers the message has, drop those in {@code message_drop_headers}, rewrite
 * the addresses of sender and recipient headers when the message has a header rewriting context,
 * and add the missing headers ({@link MissingHeaders}) when it has one or
 * {@code always_add_missing_headers = yes}. Other fields pass unchanged.
 */
final class HeaderRewriter implements HeaderCleanup.Fields {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.queue.cleanup");

    /** A rewriter's lookup failure, carried through the content stream to the receiver (a 4xx). */
    static final class RewriteFailure extends IOException {
        private static final long serialVersionUID = 1L;

        RewriteFailure(RewriteException cause) {
            super("address rewriting failed: " + cause.getMessage(), cause);
        }
    }

    private final String queueId;
    private final Envelope queued;
    private final Optional<RewriteContext> context;
    private final Rewriting rewriting;
    private final MailParameters parameters;
    private final ZonedDateTime arrival;
    private final Set<String> drop;
    private final Set<String> seen = new HashSet<>();
    private final MessageContext message;
    private boolean resent;
    private String messageId;

    /**
     * @param original the envelope as received, for rewriters
     * @param queued the envelope as queued (rewritten), whose sender a missing From: shows
     * @param context the header rewriting context, or empty to leave addresses alone
     */
    HeaderRewriter(String queueId, Envelope original, Envelope queued, Optional<RewriteContext> context,
            Rewriting rewriting, MailParameters parameters, ZonedDateTime arrival) {
        this.queueId = queueId;
        this.queued = queued;
        this.context = context;
        this.rewriting = rewriting;
        this.parameters = parameters;
        this.arrival = arrival;
        this.message = new MessageContext(queueId, original, context.orElse(RewriteContext.LOCAL));
        this.drop = dropHeaders(parameters.get("message_drop_headers").orElse("bcc, content-length, resent-bcc, return-path"));
    }

    /** The last {@code message_drop_headers} value parsed: splitting it per message showed in profiles. */
    private record DropList(String value, Set<String> names) {
    }

    private static volatile DropList lastDrop;

    private static Set<String> dropHeaders(String value) {
        DropList cached = lastDrop;
        if (cached != null && cached.value().equals(value)) {
            return cached.names();
        }
        Set<String> names = new HashSet<>();
        for (String name : value.split("[,\\s]+")) {
            if (!name.isBlank()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        names = Set.copyOf(names);
        lastDrop = new DropList(value, names);
        return names;
    }

    @Override
    public void field(byte[] field, int length, OutputStream out) throws IOException {
        int nameLength = HeaderKinds.nameLength(field, length);
        String name = HeaderKinds.lowerName(field, nameLength);
        seen.add(name);
        resent |= HeaderKinds.isResent(name);
        int colon = indexOf(field, length, (byte) ':');
        String value = new String(field, colon + 1, length - colon - 1, StandardCharsets.ISO_8859_1);
        if (name.equals("message-id") && messageId == null) {
            messageId = unfolded(value).strip();
            LOG.info("{}: message-id={}", queueId, messageId);
        }
        if (drop.contains(name)) {
            return;
        }
        Optional<AddressClass> addressClass = HeaderKinds.addressClass(name);
        if (context.isPresent() && addressClass.isPresent() && !rewriting.isEmpty()) {
            String rewritten;
            try {
                rewritten = HeaderAddresses.rewrite(value, a -> rewriting.apply(a, addressClass.get(), message));
            } catch (RewriteException e) {
                throw new RewriteFailure(e);
            }
            if (rewritten != null) {
                out.write(field, 0, colon + 1);
                out.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
                out.write('\n');
                return;
            }
        }
        out.write(field, 0, length);
        out.write('\n');
    }

    @Override
    public void end(OutputStream out) throws IOException {
        if (context.isPresent() || parameters.getBoolean("always_add_missing_headers", false)) {
            for (String line : MissingHeaders.lines(seen, resent, queueId, arrival, queued.sender(), parameters)) {
                if (messageId == null && line.regionMatches(true, 0, "Message-Id:", 0, 11)) {
                    messageId = line.substring(11).strip();
                    LOG.info("{}: message-id={}", queueId, messageId);
                } else if (line.regionMatches(true, 0, "Resent-Message-Id:", 0, 18)) {
                    LOG.info("{}: resent-message-id={}", queueId, line.substring(18).strip());
                }
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
        if (messageId == null) {
            LOG.info("{}: message-id=<>", queueId);
        }
    }

    /** The value without its line breaks (no regular expression: this runs for every message). */
    private static String unfolded(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int indexOf(byte[] bytes, int length, byte b) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return length;
    }
}
