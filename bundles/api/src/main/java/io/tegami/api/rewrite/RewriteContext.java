package io.tegami.api.rewrite;

import java.util.Locale;
import java.util.Optional;

/**
 * How incomplete addresses are completed: Postfix's address rewriting context
 * ({@code rewrite_context}).
 *
 * <p>Envelope addresses are always rewritten in the {@link #LOCAL} context. Header addresses are
 * rewritten in the {@code LOCAL} context for local submissions and for SMTP clients that match
 * {@code local_header_rewrite_clients}; headers of other clients are rewritten in the
 * {@link #REMOTE} context when {@code remote_header_rewrite_domain} is set, and not at all when it
 * is empty.
 */
public enum RewriteContext {

    /** Complete with {@code $myorigin} and {@code $mydomain}. */
    LOCAL,
    /** Complete with {@code $remote_header_rewrite_domain}. */
    REMOTE;

    /**
     * The {@link io.tegami.api.mail.Envelope} attribute a receiver may set to choose the header
     * rewriting context itself ({@code local} or {@code remote}), as Postfix's smtpd tells cleanup;
     * without it the queue decides from the client attributes and {@code local_header_rewrite_clients}.
     */
    public static final String ATTRIBUTE = "rewrite_context";

    /** The attribute value: {@code local} or {@code remote}. */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The context an attribute value names, if it names one. */
    public static Optional<RewriteContext> fromAttribute(String value) {
        if (value != null) {
            for (RewriteContext c : values()) {
                if (c.attributeValue().equalsIgnoreCase(value.trim())) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }
}
