package io.tegami.smtp.session;

import java.time.Instant;

import io.tegami.api.mail.MailAddress;
import io.tegami.smtp.data.DataReceiver;

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
    private Bdat bdat = Bdat.NONE;
    /** The queue file that BDAT chunks go to, between the first chunk and the last. */
    private DataReceiver bdatMessage;
    private boolean improperPipelining;
    /** The client spoke before the greeting under postscreen_greet_action = enforce; survives every reset. */
    private boolean pregreetFailed;

    /** Marks the client as a pre-greet talker: its recipients are refused (postscreen's enforce). */
    public void pregreetFailed(boolean failed) {
        this.pregreetFailed = failed;
    }

    /** True when every recipient gets {@code 550 5.5.1 Protocol error}. */
    public boolean pregreetFailed() {
        return pregreetFailed;
    }

    /** Where a BDAT transfer (RFC 3030) stands. */
    public enum Bdat {
        /** No BDAT since the transaction began: MAIL, RCPT and DATA are allowed. */
        NONE,
        /** Chunks of the current message are being taken. */
        RECEIVING,
        /** A BDAT failed: further chunks are read and discarded until the one marked LAST. */
        DISCARDING
    }

    /** HELO or EHLO: remembers the name and, as RFC 5321 4.1.4 says, ends any transaction. */
    public void helo(String name, boolean extended) {
        this.heloName = name;
        this.esmtp = extended;
        this.transaction = null;
        dropBdat();
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
        dropBdat();
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

    /** Ends the transaction (RSET, end of DATA, the last BDAT chunk). */
    public void endTransaction() {
        transaction = null;
        dropBdat();
    }

    /** Forgets BDAT, dropping a message whose last chunk never came (RSET, EHLO, STARTTLS, close). */
    private void dropBdat() {
        if (bdatMessage != null) {
            bdatMessage.discard();
            bdatMessage = null;
        }
        bdat = Bdat.NONE;
    }

    /** The message BDAT chunks are written to, or null before the first chunk. */
    public DataReceiver bdatMessage() {
        return bdatMessage;
    }

    public void bdatMessage(DataReceiver message) {
        this.bdatMessage = message;
    }

    /** Where BDAT stands; MAIL, RCPT and DATA are refused unless {@link Bdat#NONE}. */
    public Bdat bdat() {
        return bdat;
    }

    public void bdat(Bdat state) {
        this.bdat = state;
    }

    /**
     * True once the client sent commands ahead of our replies where RFC 2920 does not allow it
     * (Postfix's "improper command pipelining"), for {@code reject_unauth_pipelining}.
     */
    public boolean improperPipelining() {
        return improperPipelining;
    }

    public void improperPipelining(boolean seen) {
        this.improperPipelining = seen;
    }
}
