package io.tegami.smtp.restriction;

import io.tegami.api.mail.MailAddress;

/**
 * What the access control remembers between the commands of one SMTP session: the deferrals
 * raised by earlier stages (Postfix's {@code defer_if_permit_client}, {@code _helo},
 * {@code _sender}), whether the client was refused at connect time ({@code smtpd_delay_reject = no}),
 * the sender as the client wrote it, and DNS verdicts about the client that need not be asked twice.
 * One instance per session, used from the session's thread only.
 */
public final class SessionChecks {

    /** A client host name verdict: found, not found, or not known for now. */
    enum NameStatus { OK, PERMANENT, TEMPORARY }

    final Deferral deferIfPermit = new Deferral();
    final Deferral deferIfReject = new Deferral();
    boolean deferIfPermitClient;
    boolean deferIfPermitHelo;
    boolean deferIfPermitSender;
    String accessDenied;
    /** Commands sent ahead of replies where pipelining is not allowed (not detected yet). */
    boolean improperPipelining;
    NameStatus clientName;
    NameStatus reverseName;
    private String rawSender;
    private MailAddress rawSenderAddress;

    /** Remembers the MAIL FROM address as sent ({@code root}, {@code ""}) and what it became. */
    void sender(String raw, MailAddress qualified) {
        this.rawSender = raw;
        this.rawSenderAddress = qualified;
    }

    /**
     * The sender of {@code transaction sender} as the client wrote it, as Postfix's restrictions see
     * it (unqualified {@code root} stays unqualified); falls back to the qualified form.
     */
    String rawSender(MailAddress sender) {
        if (sender == null) {
            return null;
        }
        if (rawSender != null && sender.equals(rawSenderAddress)) {
            return rawSender;
        }
        return sender.isNullSender() ? "" : sender.localPart() + "@" + sender.domain();
    }

    /** The reply every command but QUIT gets after the client was refused at connect time. */
    public boolean accessDenied() {
        return accessDenied != null;
    }
}
