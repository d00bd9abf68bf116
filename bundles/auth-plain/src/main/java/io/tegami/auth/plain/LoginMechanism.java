package io.tegami.auth.plain;

import org.osgi.service.component.annotations.Component;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslMechanism;

/**
 * SASL LOGIN (draft-murchison-sasl-login, obsolete but still what Outlook and many devices use):
 * the server asks {@code Username:} then {@code Password:}, as Postfix and Dovecot do.
 */
@Component(service = SaslMechanism.class, property = SaslMechanism.MECHANISM + "=" + LoginMechanism.NAME)
public final class LoginMechanism implements SaslMechanism {

    static final String NAME = "LOGIN";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isPlaintext() {
        return true;
    }

    @Override
    public SaslExchange start(SaslContext context) {
        return new LoginExchange(context);
    }
}
