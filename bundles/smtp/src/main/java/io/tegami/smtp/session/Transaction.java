package io.tegami.smtp.session;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;
import io.tegami.api.rewrite.RewriteContext;

/**
 * One mail transaction, from an accepted {@code MAIL FROM} to the end of {@code DATA} (or
 * {@code RSET}, {@code HELO}, {@code EHLO}, {@code STARTTLS}).
 */
public final class Transaction {

    private final MailAddress sender;
    private final String body;
    private final String authSender;
    private final Instant arrival;
    // A set: a recipient named twice is delivered once, as Postfix's cleanup does.
    private final Set<MailAddress> recipients = new LinkedHashSet<>();
    private final Map<MailAddress, RecipientDsn> dsn = new LinkedHashMap<>();
    private int accepted;
    private int overshoot;
    private String dsnRet;
    private String dsnEnvid;
    private boolean smtputf8;
    private RewriteContext rewriteContext;

    /**
     * @param sender the reverse-path
     * @param body the declared {@code BODY=} type ({@code 7BIT}, {@code 8BITMIME}) or {@code null}
     * @param authSender the {@code AUTH=} parameter of MAIL (RFC 4954 section 5), logged as
     *        Postfix's {@code sasl_sender}; {@code null} when absent or {@code <>}
     * @param arrival when MAIL FROM was accepted; Postfix dates its Received: header from it
     */
    public Transaction(MailAddress sender, String body, String authSender, Instant arrival) {
        this.sender = sender;
        this.body = body;
        this.authSender = authSender;
        this.arrival = arrival;
    }

    /** For a transaction without {@code AUTH=}. */
    public Transaction(MailAddress sender, String body, Instant arrival) {
        this(sender, body, null, arrival);
    }

    /** MAIL's {@code AUTH=} value, or {@code null}. */
    public String authSender() {
        return authSender;
    }

    public MailAddress sender() {
        return sender;
    }

    /** The declared body type, or {@code null} when the client did not say. */
    public String body() {
        return body;
    }

    public Instant arrival() {
        return arrival;
    }

    /** Records an accepted recipient. */
    public void addRecipient(MailAddress recipient) {
        addRecipient(recipient, RecipientDsn.NONE);
    }

    /**
     * Records an accepted recipient with its RFC 3461 parameters; a recipient named twice keeps
     * the parameters it was first given.
     */
    public void addRecipient(MailAddress recipient, RecipientDsn parameters) {
        recipients.add(recipient);
        dsn.putIfAbsent(recipient, parameters);
        accepted++;
    }

    /** The DSN parameters of the recipients, for the envelope. */
    public Map<MailAddress, RecipientDsn> recipientDsn() {
        return Map.copyOf(dsn);
    }

    /** MAIL's RFC 3461 {@code RET} ({@code FULL}, {@code HDRS}) and xtext-decoded {@code ENVID}, and RFC 6531 {@code SMTPUTF8}. */
    public void extensions(String ret, String envid, boolean utf8) {
        this.dsnRet = ret;
        this.dsnEnvid = envid;
        this.smtputf8 = utf8;
    }

    /** {@code RET}, or null. */
    public String dsnRet() {
        return dsnRet;
    }

    /** {@code ENVID} (decoded), or null. */
    public String dsnEnvid() {
        return dsnEnvid;
    }

    /** True when MAIL declared {@code SMTPUTF8}. */
    public boolean smtputf8() {
        return smtputf8;
    }

    /**
     * The header rewriting context MAIL FROM decided (Postfix's {@code rewrite_context}), or
     * {@code null} to let the queue decide.
     */
    public void rewriteContext(RewriteContext context) {
        this.rewriteContext = context;
    }

    /** The header rewriting context, or {@code null}. */
    public RewriteContext rewriteContext() {
        return rewriteContext;
    }

    /** The distinct accepted recipients, in order. */
    public List<MailAddress> recipients() {
        return List.copyOf(recipients);
    }

    /** How many RCPT commands were accepted, duplicates included ({@code smtpd_recipient_limit}). */
    public int acceptedCount() {
        return accepted;
    }

    /** Counts a RCPT refused for the recipient limit; returns how many there were so far. */
    public int overshoot() {
        return ++overshoot;
    }
}
