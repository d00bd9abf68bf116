package io.tegami.transport;

import java.io.IOException;

import io.tegami.api.delivery.DeliveryResult;

/** Postfix's texts for outcomes and I/O trouble, in one place. */
final class Results {

    private Results() {
    }

    /**
     * {@code 250 2.0.0 Ok: queued as X}, sent to {@code relay=host[ip]:port}.
     *
     * @param dsnServer the server offered DSN: as Postfix assumes, it took the sender's NOTIFY
     *        request over, so no "relayed" notice is due from here (RFC 3461 section 4.1)
     */
    static DeliveryResult sent(Target target, Reply reply, boolean dsnServer) {
        DeliveryResult r = remote(new DeliveryResult(DeliveryResult.Status.SENT, reply.dsn(), target.relay(),
                reply.toString()), target, reply);
        return dsnServer ? r.withDsnPassedOn() : r;
    }

    /** A result with the DSN's {@code Remote-MTA: dns; host} and {@code Diagnostic-Code: smtp; reply}. */
    static DeliveryResult remote(DeliveryResult r, Target target, Reply reply) {
        return r.withRemote("dns; " + target.hostName(), reply == null ? null : "smtp; " + reply);
    }

    /**
     * The failure of an I/O error while {@code doing} ({@code sending RCPT TO}): {@code lost
     * connection with X while ...} or {@code conversation with X timed out while ...}, or the
     * error itself for a reply that is not SMTP.
     */
    static Failure io(Target target, IOException e, String doing) {
        if (e instanceof SmtpChannel.TimeoutException) {
            return Failure.soft("4.4.2", "conversation with " + target.name() + " timed out while " + doing, target);
        }
        if (e instanceof ReplyReader.MalformedReplyException) {
            return Failure.soft("4.5.0", "host " + target.name() + " said: " + e.getMessage() + " (while " + doing + ")", target);
        }
        // A reset or an end of stream alike: Postfix says no more than this.
        return Failure.soft("4.4.2", "lost connection with " + target.name() + " while " + doing, target);
    }
}
