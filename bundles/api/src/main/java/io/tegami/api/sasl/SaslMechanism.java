package io.tegami.api.sasl;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A server-side SASL mechanism (RFC 4422), registered as a service with the property
 * {@value #MECHANISM} equal to {@link #name()}. Implementations are stateless and thread-safe;
 * the state of one authentication lives in the {@link SaslExchange} that {@link #start} returns.
 */
@ConsumerType
public interface SaslMechanism {

    /**
     * Service property: the mechanism's name, upper case as registered with IANA
     * ({@code PLAIN}, {@code LOGIN}, {@code CRAM-MD5}). When several services have the same name,
     * protocols use the one with the highest {@code service.ranking}.
     */
    String MECHANISM = "sasl.mechanism";

    /** The mechanism's name, upper case; the same as the {@value #MECHANISM} service property. */
    String name();

    /**
     * True when the client sends the password in clear (PLAIN, LOGIN): such mechanisms are offered
     * only on TLS or loopback connections while Dovecot's {@code disable_plaintext_auth} is on.
     */
    boolean isPlaintext();

    /**
     * True when the client may send the first response (RFC 4422 "client-first": PLAIN, and LOGIN,
     * whose clients often send the user name at once). Server-first mechanisms such as CRAM-MD5
     * return false, and protocols refuse an initial response for them (RFC 4954 section 4: SMTP
     * answers {@code 501 5.7.0}).
     */
    default boolean isClientFirst() {
        return true;
    }

    /**
     * Begins one authentication.
     *
     * @param context who is authenticating, over what, against which user directory
     * @return a new exchange, used by one thread and then dropped; never {@code null}
     */
    SaslExchange start(SaslContext context);
}
