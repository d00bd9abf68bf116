package io.tegami.queue;

import java.util.Locale;

import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;

/**
 * Chooses the transport for a recipient, as Postfix's trivial-rewrite does for the simple case:
 * a domain listed in {@code mydestination} is delivered by {@code local}, everything else by
 * {@code smtp}. Read on every call, so a changed {@code mydestination} applies at once.
 */
final class Router {

    static final String LOCAL = "local";
    static final String SMTP = "smtp";

    private final MailParameters parameters;

    Router(MailParameters parameters) {
        this.parameters = parameters;
    }

    String transportFor(MailAddress recipient) {
        String domain = recipient.domain();
        for (String local : parameters.getList("mydestination")) {
            if (local.toLowerCase(Locale.ROOT).equals(domain)) {
                return LOCAL;
            }
        }
        return SMTP;
    }
}
