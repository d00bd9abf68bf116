package io.tegami.auth.crammd5;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;

import io.tegami.api.sasl.SaslContext;
import io.tegami.api.sasl.SaslExchange;
import io.tegami.api.sasl.SaslMechanism;

/**
 * SASL CRAM-MD5 (RFC 2195). The password never crosses the wire, but the server needs the
 * HMAC-MD5 key: it works only for users whose password is stored as {@code {PLAIN}} or
 * {@code {CRAM-MD5}}, never for one-way hashes such as {@code {SHA512-CRYPT}}, and a failure for
 * that reason is logged as such.
 */
@Component(service = SaslMechanism.class, property = SaslMechanism.MECHANISM + "=" + CramMd5Mechanism.NAME)
public final class CramMd5Mechanism implements SaslMechanism {

    static final String NAME = "CRAM-MD5";

    private final Function<String, String> challenges;

    /** For Declarative Services: Dovecot's challenges. */
    public CramMd5Mechanism() {
        this(challengeMaker(new SecureRandom(), Clock.systemUTC()));
    }

    /** For tests: a fixed challenge maker, given {@code $myhostname}. */
    CramMd5Mechanism(Function<String, String> challenges) {
        this.challenges = challenges;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isPlaintext() {
        return false;
    }

    /** The server speaks first: its challenge. */
    @Override
    public boolean isClientFirst() {
        return false;
    }

    @Override
    public SaslExchange start(SaslContext context) {
        return new CramMd5Exchange(context, challenges.apply(context.hostname()));
    }

    /**
     * Dovecot's challenge: {@code <16 random digits.unix time@hostname>}, a msg-id as RFC 2195
     * asks, unpredictable so that a recorded answer cannot be replayed.
     */
    static Function<String, String> challengeMaker(SecureRandom random, Clock clock) {
        return hostname -> {
            StringBuilder sb = new StringBuilder(48).append('<');
            for (int i = 0; i < 16; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            return sb.append('.').append(clock.millis() / 1000).append('@').append(hostname).append('>').toString();
        };
    }
}
