package io.tegami.smtp.session;

import java.time.Instant;

import io.tegami.api.mail.MailAddress;

/**
 * What the client has told us in this session: its HELO/EHLO name, who it authenticated as, and
 * the mail transaction in progress. Kept apart from the I/O so that the reset rules (HELO, RSET,
 * STARTTLS) sit in one place.
 */
public final class SessionState {

    private String heloName;
    private boolean esmtp;
    private Transaction transaction;
    private String saslUsername;
    private String saslMethod;

    /** HELO or EHLO: remembers the name and, as RFC 5321 4.1.4 says, ends any transaction. */
    public void helo(String name, boolean extended) {
        this.heloName = name;
        this.esmtp = extended;
        this.transaction = null;
    }

    /**
     * Back to the state right after the greeting (STARTTLS: nothing said in clear survives, not
     * even an authentication, as in Postfix). HELO and EHLO keep the authentication (RFC 4954).
     */
    public void reset() {
        heloName = null;
        esmtp = false;
        transaction = null;
        saslUsername = null;
        saslMethod = null;
    }

    /** A successful AUTH: the session now acts as {@code username}. */
    public void authenticated(String username, String method) {
        this.saslUsername = username;
        this.saslMethod = method;
    }

    /** The SASL user name after a successful AUTH, or {@code null}. */
    public String saslUsername() {
        return saslUsername;
    }

    /** The mechanism of the successful AUTH ({@code PLAIN}), or {@code null}. */
    public String saslMethod() {
        return saslMethod;
    }

    /** The HELO/EHLO argument, or {@code null} before either. */
    public String heloName() {
        return heloName;
    }

    /** True after EHLO (rather than HELO). */
    public boolean esmtp() {
        return esmtp;
    }

    /** The transaction in progress, or {@code null}. */
    public Transaction transaction() {
        return transaction;
    }

    /** Starts a transaction after an accepted MAIL FROM. */
    public Transaction beginTransaction(MailAddress sender, String body, Instant arrival) {
        return beginTransaction(sender, body, null, arrival);
    }

    /** Starts a transaction; {@code authSender} is MAIL's {@code AUTH=} value, or {@code null}. */
    public Transaction beginTransaction(MailAddress sender, String body, String authSender, Instant arrival) {
        transaction = new Transaction(sender, body, authSender, arrival);
        return transaction;
    }

    /** Ends the transaction (RSET, end of DATA). */
    public void endTransaction() {
        transaction = null;
    }
}
