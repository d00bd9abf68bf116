package io.tegami.api.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SMTP envelope of a message: who sent it, to whom it goes, and how it arrived.
 *
 * @param sender the reverse-path; {@link MailAddress#NULL_SENDER} for bounces
 * @param recipients the forward-paths, at least one, in the order given
 * @param attributes facts about the submission, with the keys below, for logs and headers
 */
public record Envelope(MailAddress sender, List<MailAddress> recipients, Map<String, String> attributes) {

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

    public Envelope {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
        attributes = Map.copyOf(attributes);
    }

    /** An envelope without attributes. */
    public static Envelope of(MailAddress sender, List<MailAddress> recipients) {
        return new Envelope(sender, recipients, Map.of());
    }

    /** An attribute, or {@code null}. */
    public String attribute(String key) {
        return attributes.get(key);
    }
}
