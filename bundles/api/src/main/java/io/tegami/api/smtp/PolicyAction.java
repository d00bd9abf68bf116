package io.tegami.api.smtp;

import java.util.Objects;

/**
 * A policy's answer: one access(5) action, the same text a {@code check_*_access} table may hold
 * ({@code OK}, {@code DUNNO}, {@code REJECT optional text}, {@code DEFER optional text},
 * {@code DEFER_IF_PERMIT text}, {@code DEFER_IF_REJECT text}, {@code 4NN text}, {@code 5NN text},
 * {@code WARN text}, {@code HOLD text}, {@code DISCARD text}, {@code PREPEND header: value},
 * {@code INFO text}). Actions the SMTP server does not know are logged and treated as a
 * configuration problem (the mail is deferred), as Postfix does.
 *
 * <p>Like Postfix, the server words a {@code REJECT} or {@code 5NN} answer as a table result:
 * {@code 554 5.7.1 <name>: Client host rejected: text}. A policy that must send a reply of its own
 * wording, as Postfix's {@code reject_rbl_client} does ({@code 554 5.7.1 Service unavailable;
 * Client host [192.0.2.1] blocked using zen.example}), answers with {@link #reply(String)}
 * ({@code REPLY 554 5.7.1 text}, a Tegami extension that only policies may answer).
 *
 * @param text the action, for example {@code "REJECT Access denied"} or {@code "450 4.7.1 Try again later"}
 */
public record PolicyAction(String text) {

    /** No opinion: the next restriction in the list decides. */
    public static final PolicyAction DUNNO = new PolicyAction("DUNNO");

    /** Accept: stop evaluating this list with a permit. */
    public static final PolicyAction OK = new PolicyAction("OK");

    public PolicyAction {
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an access action is one non-empty line: " + text);
        }
    }

    /** {@code REJECT text}: refused with the server's {@code access_map_reject_code}. */
    public static PolicyAction reject(String text) {
        return new PolicyAction("REJECT " + text);
    }

    /** {@code DEFER text}: refused for now with {@code access_map_defer_code}. */
    public static PolicyAction defer(String text) {
        return new PolicyAction("DEFER " + text);
    }

    /** {@code PREPEND header}: adds a header line to the message and goes on with the next restriction. */
    public static PolicyAction prepend(String headerLine) {
        return new PolicyAction("PREPEND " + headerLine);
    }

    /** The verb of {@link #reply(String)}. */
    public static final String REPLY = "REPLY";

    /**
     * {@code REPLY code d.s.n text}: refused with exactly this reply, not worded as a table result
     * (the reply name and class are not prefixed). The code must be 4NN or 5NN and the DSN agree
     * with it; {@code warn_if_reject}, {@code defer_if_reject} and {@code soft_bounce} still apply.
     *
     * @param reply for example {@code "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.example"}
     */
    public static PolicyAction reply(String reply) {
        return new PolicyAction(REPLY + " " + reply);
    }

    /** {@code WARN text}: logs a warning and goes on with the next restriction. */
    public static PolicyAction warn(String text) {
        return new PolicyAction("WARN " + text);
    }
}
