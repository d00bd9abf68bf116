package io.tegami.transport;

import io.tegami.api.delivery.DeliveryResult;

/**
 * Why a server could not take the mail, in the words Postfix logs: {@code connect to
 * mx.example[192.0.2.1]:25: Connection refused}, {@code host mx.example[192.0.2.1] said: 550 5.1.1
 * ... (in reply to RCPT TO command)}.
 *
 * @param permanent true to bounce, false to defer (or to try the next server)
 * @param dsn the enhanced status code
 * @param text the explanation for the log and the bounce
 * @param reply the server's reply, for the DSN's {@code Diagnostic-Code}; null if it sent none
 * @param target the server, or null when none was reached (DNS)
 */
record Failure(boolean permanent, String dsn, String text, Reply reply, Target target) {

    static Failure soft(String dsn, String text, Target target) {
        return new Failure(false, dsn, text, null, target);
    }

    static Failure hard(String dsn, String text, Target target) {
        return new Failure(true, dsn, text, null, target);
    }

    /** {@code host X[ip] said: REPLY (in reply to COMMAND)}, permanent for 5xx. */
    static Failure said(Target target, Reply reply, String command) {
        return new Failure(reply.permanentFailure(), reply.dsn(),
                "host " + target.name() + " said: " + reply + " (in reply to " + command + ")", reply, target);
    }

    /** The same failure made temporary (a 5xx that Postfix's soft-bounce rules turn into 4xx). */
    Failure softened() {
        return permanent ? new Failure(false, "4" + dsn.substring(1), text, reply, target) : this;
    }

    DeliveryResult result() {
        String relay = target == null ? "none" : target.relay();
        DeliveryResult r = permanent ? DeliveryResult.bounced(dsn, relay, text) : DeliveryResult.deferred(dsn, relay, text);
        return target == null ? r : Results.remote(r, target, reply);
    }
}
