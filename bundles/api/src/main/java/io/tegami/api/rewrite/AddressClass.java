package io.tegami.api.rewrite;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an address appears in a message. The names are the values of Postfix's
 * {@code canonical_classes}, {@code sender_canonical_classes}, {@code recipient_canonical_classes}
 * and {@code masquerade_classes} parameters.
 *
 * <p>The header classes follow Postfix's header table: {@code From}, {@code Sender},
 * {@code Reply-To}, {@code Errors-To}, {@code Return-Receipt-To}, {@code Disposition-Notification-To},
 * {@code Mail-Followup-To}, {@code Resent-From}, {@code Resent-Sender} and {@code Return-Path} hold
 * sender addresses; {@code To}, {@code Cc}, {@code Bcc}, {@code Apparently-To}, {@code Resent-To},
 * {@code Resent-Cc}, {@code Resent-Bcc} and {@code Resent-Reply-To} hold recipient addresses.
 */
public enum AddressClass {

    /** The envelope sender ({@code MAIL FROM}). */
    ENVELOPE_SENDER,
    /** An envelope recipient ({@code RCPT TO}). */
    ENVELOPE_RECIPIENT,
    /** An address in a sender header ({@code From:}, {@code Sender:}, {@code Reply-To:}...). */
    HEADER_SENDER,
    /** An address in a recipient header ({@code To:}, {@code Cc:}...). */
    HEADER_RECIPIENT;

    /** The Postfix name: {@code envelope_sender}, {@code header_recipient}... */
    public String postfixName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class with this Postfix name (any case), if there is one. */
    public static Optional<AddressClass> forPostfixName(String name) {
        for (AddressClass c : values()) {
            if (c.postfixName().equalsIgnoreCase(name.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** True for the two envelope classes. */
    public boolean isEnvelope() {
        return this == ENVELOPE_SENDER || this == ENVELOPE_RECIPIENT;
    }

    /** True for the two sender classes. */
    public boolean isSender() {
        return this == ENVELOPE_SENDER || this == HEADER_SENDER;
    }
}
