package io.tegami.api.mail;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SMTP envelope of a message: who sent it, to whom it goes, and how it arrived.
 *
 * <p>Since 1.1 an envelope also carries the delivery status notification parameters of RFC 3461:
 * the message's {@code RET} and {@code ENVID} as the attributes {@link #DSN_RET} and
 * {@link #DSN_ENVID}, each recipient's {@code NOTIFY} and {@code ORCPT} in
 * {@link #recipientDsn()}; and whether the message needs SMTPUTF8 (RFC 6531) as the attribute
 * {@link #SMTPUTF8}. Code that rebuilds an envelope with other addresses keeps them with
 * {@link #withAddresses}.
 *
 * @param sender the reverse-path; {@link MailAddress#NULL_SENDER} for bounces
 * @param recipients the forward-paths, at least one, in the order given
 * @param attributes facts about the submission, with the keys below, for logs and headers
 * @param recipientDsn the DSN parameters of the recipients that have any (others have
 *        {@link RecipientDsn#NONE}); entries for addresses that are not recipients are dropped
 */
public record Envelope(MailAddress sender, List<MailAddress> recipients, Map<String, String> attributes,
        Map<MailAddress, RecipientDsn> recipientDsn) {

    /** Attribute: the client's IP address ({@code 192.0.2.1}). */
    public static final String CLIENT_ADDRESS = "client_address";
    /** Attribute: the client's host name, or {@code unknown}. */
    public static final String CLIENT_NAME = "client_name";
    /** Attribute: the name the client gave in HELO/EHLO. */
    public static final String HELO_NAME = "helo_name";
    /** Attribute: how it was received ({@code SMTP}, {@code ESMTP}, {@code ESMTPS}, {@code ESMTPSA}, {@code local}). */
    public static final String PROTOCOL = "protocol";
    /** Attribute: the SASL user who submitted it, when authenticated. */
    public static final String SASL_USERNAME = "sasl_username";
    /** Attribute: the message body type ({@code 7BIT} or {@code 8BITMIME}). */
    public static final String BODY = "body";
    /**
     * Attribute: what a non-delivery notice returns of the message, MAIL's {@code RET=}:
     * {@code FULL} or {@code HDRS}; absent when the client did not say (Postfix then returns the
     * full message, within {@code bounce_size_limit}).
     *
     * @since 1.1
     */
    public static final String DSN_RET = "dsn_ret";
    /**
     * Attribute: MAIL's {@code ENVID=}, xtext-decoded (printable ASCII), which every DSN about the
     * message repeats as {@code Original-Envelope-Id} and a relay passes on.
     *
     * @since 1.1
     */
    public static final String DSN_ENVID = "dsn_envid";
    /**
     * Attribute: {@code yes} when the client declared MAIL's {@code SMTPUTF8} parameter: the
     * addresses or the header may be UTF-8, and a relay may hand the message only to a peer that
     * offers SMTPUTF8 (RFC 6531 section 3.4).
     *
     * @since 1.1
     */
    public static final String SMTPUTF8 = "smtputf8";

    public Envelope {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
        attributes = Map.copyOf(attributes);
        Map<MailAddress, RecipientDsn> kept = new LinkedHashMap<>();
        if (recipientDsn != null) {
            for (MailAddress r : recipients) {
                RecipientDsn dsn = recipientDsn.get(r);
                if (dsn != null && !dsn.equals(RecipientDsn.NONE)) {
                    kept.putIfAbsent(r, dsn);
                }
            }
        }
        recipientDsn = Map.copyOf(kept);
    }

    /** An envelope without DSN parameters (the 1.0 form). */
    public Envelope(MailAddress sender, List<MailAddress> recipients, Map<String, String> attributes) {
        this(sender, recipients, attributes, Map.of());
    }

    /** An envelope without attributes. */
    public static Envelope of(MailAddress sender, List<MailAddress> recipients) {
        return new Envelope(sender, recipients, Map.of());
    }

    /** An attribute, or {@code null}. */
    public String attribute(String key) {
        return attributes.get(key);
    }

    /**
     * The DSN parameters of one recipient; {@link RecipientDsn#NONE} when it has none.
     *
     * @since 1.1
     */
    public RecipientDsn dsn(MailAddress recipient) {
        return recipientDsn.getOrDefault(recipient, RecipientDsn.NONE);
    }

    /** {@link #DSN_RET}: {@code FULL}, {@code HDRS}, or null when not given. @since 1.1 */
    public String dsnRet() {
        return attributes.get(DSN_RET);
    }

    /** {@link #DSN_ENVID}, decoded, or null. @since 1.1 */
    public String dsnEnvid() {
        return attributes.get(DSN_ENVID);
    }

    /** True when the message was submitted with SMTPUTF8 ({@link #SMTPUTF8}). @since 1.1 */
    public boolean smtputf8() {
        return "yes".equalsIgnoreCase(attributes.get(SMTPUTF8));
    }

    /**
     * This envelope with other addresses, as address rewriting (cleanup's canonical maps) makes it:
     * {@code renamed.get(i)} replaces {@code recipients().get(i)} and keeps its DSN parameters;
     * recipients that became the same address are kept once, with the parameters of the first.
     *
     * @param sender the new sender
     * @param renamed one address per recipient, in the order of {@link #recipients()}
     * @throws IllegalArgumentException if {@code renamed} has another size than the recipients
     * @since 1.1
     */
    public Envelope withAddresses(MailAddress sender, List<MailAddress> renamed) {
        if (renamed.size() != recipients.size()) {
            throw new IllegalArgumentException(renamed.size() + " addresses for " + recipients.size() + " recipients");
        }
        Map<MailAddress, RecipientDsn> dsn = new LinkedHashMap<>();
        for (int i = 0; i < renamed.size(); i++) {
            dsn.putIfAbsent(renamed.get(i), dsn(recipients.get(i)));
        }
        return new Envelope(sender, List.copyOf(new LinkedHashSet<>(renamed)), attributes, dsn);
    }
}
