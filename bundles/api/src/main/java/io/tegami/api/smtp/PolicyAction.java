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
 * @param text the action, for example {@code "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.example"}
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

    /** {@code WARN text}: logs a warning and goes on with the next restriction. */
    public static PolicyAction warn(String text) {
        return new PolicyAction("WARN " + text);
    }
}
