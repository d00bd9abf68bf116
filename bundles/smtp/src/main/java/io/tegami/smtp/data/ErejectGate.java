package io.tegami.smtp.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.sieve.SieveEreject;
import io.tegami.smtp.session.SmtpSession;

/**
 * Sieve's {@code ereject} at end of data (RFC 5429 section 2.1.2). Filtering runs at local
 * delivery, after the queue; so when every recipient of a message is a local mailbox filtered by
 * Sieve ({@link SieveEreject#filters}), the message is copied aside while it is queued
 * ({@link ErejectCopy}), and before the commit the recipients' scripts run on the copy without
 * side effects. If all of them {@code ereject}, the client gets {@code 550 5.7.1 REASON} and
 * nothing is queued; if only some do, the message is queued and delivery refuses it for those
 * with a {@code reject} message, as RFC 5429 says when the protocol cannot refuse per recipient.
 *
 * <p>The {@link SieveEreject} service is optional and may come and go (it exists while the
 * {@code sieve} bundle runs): this component holds it for the SMTP sessions of the bundle.
 * Without it, or when any recipient is not filtered, nothing is copied and nothing is checked.
 * Messages over {@code smtpd_ereject_size_limit} (default 1 MiB, 0 = no limit) are not checked:
 * their copy stops there, and delivery decides.
 */
@Component
public final class ErejectGate {

    /** The size over which the pre-queue run is skipped. */
    public static final String SIZE_LIMIT = "smtpd_ereject_size_limit";

    /** Its default: 1 MiB. */
    public static final long DEFAULT_SIZE_LIMIT = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.smtp.smtpd");
    private static final AtomicReference<SieveEreject> SERVICE = new AtomicReference<>();

    /** Removes the copies an earlier run left behind (a crash between DATA and the commit). */
    @Activate
    public ErejectGate(@Reference(name = "parameters") MailParameters parameters) {
        Path dir = tmpDirectory(parameters);
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".ereject")
                        && java.nio.file.Files.getLastModifiedTime(f).toMillis() < hourAgo) {
                    java.nio.file.Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // None yet, or unreadable: nothing to clean.
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEreject(SieveEreject service) {
        SERVICE.set(service);
    }

    void unbindEreject(SieveEreject service) {
        SERVICE.compareAndSet(service, null);
    }

    /** Where copies go instead of the home's {@code data/tmp}, for tests; null for the default. */
    private static volatile Path tmpOverride;

    /**
     * Sets the service the sessions use outside OSGi (tests), and where its copies go; nulls
     * for none and for the default.
     */
    public static void use(SieveEreject service, Path tmpDirectory) {
        SERVICE.set(service);
        tmpOverride = tmpDirectory;
    }

    /** The service now, or null. */
    static SieveEreject current() {
        return SERVICE.get();
    }

    /**
     * The writer to stream the message into: {@code writer} itself, or, when every recipient is
     * filtered by Sieve, a copying one that {@link DataReceiver#finish()} asks before committing.
     * Call it before anything is written.
     */
    public static MessageWriter wrap(SmtpSession session, Envelope envelope, MessageWriter writer) {
        SieveEreject service = SERVICE.get();
        MailParameters parameters = session.services().parameters();
        if (service == null || parameters == null || envelope.recipients().isEmpty()) {
            return writer;
        }
        try {
            for (MailAddress rcpt : envelope.recipients()) {
                if (!service.filters(envelope.sender(), rcpt)) {
                    return writer;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // A service on its way out: the message is queued, delivery decides.
            LOG.debug("{}: ereject check unavailable: {}", writer.queueId(), e.toString());
            return writer;
        }
        List<MailAddress> to = envelope.recipients();
        String from = envelope.sender().toString();
        String rcpt = to.size() == 1 ? to.get(0).toString() : null;
        try {
            return new ErejectCopy(writer, envelope, parameters.getLong(SIZE_LIMIT, DEFAULT_SIZE_LIMIT),
                    tmpDirectory(parameters),
                    reply -> session.logReject(writer.queueId(), "END-OF-MESSAGE", reply, from, rcpt));
        } catch (IOException e) {
            LOG.warn("{}: cannot copy the message for Sieve ereject: {}", writer.queueId(), e.toString());
            return writer;
        }
    }

    private static Path tmpDirectory(MailParameters parameters) {
        Path override = tmpOverride;
        return override != null ? override : parameters.home().resolve("data").resolve("tmp");
    }

    /**
     * The end-of-data reply for an {@code ereject} reason: {@code 550 5.7.1} and the reason, one
     * reply line per line of it (RFC 5429 2.1.2 asks for a multi-line reply then), octets an SMTP
     * reply may not carry (controls, non-ASCII) as {@code ?}, lines cut at 400 characters and at
     * most 10 of them.
     */
    static String reply(String reason) {
        String[] lines = reason.strip().split("\r\n|\r|\n");
        int n = Math.min(lines.length, 10);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            StringBuilder line = new StringBuilder();
            lines[i].strip().codePoints().limit(400)
                    .forEach(c -> line.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
            if (i > 0) {
                sb.append("\r\n");
            }
            sb.append("550").append(i == n - 1 ? ' ' : '-').append("5.7.1 ")
                    .append(line.length() == 0 ? "Message rejected" : line);
        }
        return sb.toString();
    }
}
