package io.tegami.smtp.session;

import java.time.Instant;

import io.tegami.api.mail.MailAddress;

/**
 * What the client has told us in this session: its HELO/EHLO name and the mail transaction in
 * progress. Kept apart from the I/O so that the reset rules (HELO, RSET, STARTTLS) sit in one place.
 */
public final class SessionState {

    private String heloName;
    private boolean esmtp;
    private Transaction transaction;

    /** HELO or EHLO: remembers the name and, as RFC 5321 4.1.4 says, ends any transaction. */
    public void helo(String name, boolean extended) {
        this.heloName = name;
        this.esmtp = extended;
        this.transaction = null;
    }

    /** Back to the state right after the greeting (STARTTLS: nothing said in clear survives). */
    public void reset() {
        heloName = null;
        esmtp = false;
        transaction = null;
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
        transaction = new Transaction(sender, body, arrival);
        return transaction;
    }

    /** Ends the transaction (RSET, end of DATA). */
    public void endTransaction() {
        transaction = null;
    }
}
