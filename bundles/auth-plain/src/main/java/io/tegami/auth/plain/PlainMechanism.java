package io.tegami.auth.plain;

import org.osgi.service.component.annotations.Component;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslMechanism;

/** SASL PLAIN (RFC 4616): authorization identity, user name and password in one message. */
@Component(service = SaslMechanism.class, property = SaslMechanism.MECHANISM + "=" + PlainMechanism.NAME)
public final class PlainMechanism implements SaslMechanism {

    static final String NAME = "PLAIN";

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
        return new PlainExchange(context);
    }
}
