package io.tegami.smtp.restriction;

import java.util.HashMap;
import java.util.Map;

/**
 * The state of one restriction check, Postfix's {@code SMTPD_STATE} as smtpd_check.c uses it: what
 * is being checked (HELO name, sender, recipient, the command for the log), the reply name and
 * class of the current restriction list, and the evaluation's bookkeeping ({@code warn_if_reject},
 * recursion depth, whether the recipient tables were consulted already, the reply text).
 *
 * <p>The fields are plain and mutable on purpose: a check is a short-lived, single-threaded
 * procedure, and the stages push and pop values as smtpd_check.c does.
 */
final class CheckState {

    private final Facts facts;
    private final RestrictionSettings settings;
    private final Lookups lookups;
    private final SessionChecks session;
    private final Map<String, ResolvedAddress> resolved = new HashMap<>();
    private String errorText;

    /** The command, for log lines: {@code CONNECT}, {@code HELO}, {@code MAIL}, {@code RCPT}... */
    String where;
    String helo;
    String sender;
    String recipient;
    /** What the reply names ({@code <name>}) and calls it ({@code Recipient address}). */
    String replyName;
    String replyClass;
    /** The listener's name (Postfix's service name), for policies; {@code null} when unknown. */
    String listener;
    /** The check_*_access a bare {@code type:table} stands for in this list, or {@code null}. */
    String defaultAcl;
    int recursion;
    int warnIfReject;
    boolean recipientMapsChecked;
    boolean senderMapsChecked;

    CheckState(Facts facts, RestrictionSettings settings, Lookups lookups, SessionChecks session, String where) {
        this.facts = facts;
        this.settings = settings;
        this.lookups = lookups;
        this.session = session;
        this.where = where;
    }

    Facts facts() {
        return facts;
    }

    RestrictionSettings settings() {
        return settings;
    }

    Lookups lookups() {
        return lookups;
    }

    SessionChecks session() {
        return session;
    }

    /** The reply of the last rejection. */
    String errorText() {
        return errorText;
    }

    void errorText(String text) {
        this.errorText = text;
    }

    /** SMTPD_CHECK_RESET: the start of each stage. */
    void reset() {
        recursion = 0;
        warnIfReject = 0;
        session.deferIfReject.active(false);
    }

    /** Resolves an address as trivial-rewrite would, once per check. */
    ResolvedAddress resolve(String address) {
        return resolved.computeIfAbsent(address, a -> TrivialResolver.resolve(a, settings));
    }
}
