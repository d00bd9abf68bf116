package io.tegami.api.net;

import java.util.Map;
import java.util.Objects;

/**
 * What a session may know about the listener that accepted its connection.
 *
 * @param name the listener's name, as an admin configured it ({@code smtp}, {@code submission}, {@code smtps}...)
 * @param protocol the protocol it serves
 * @param tlsMode how TLS is offered on it
 * @param options the listener's own settings, like master.cf {@code -o} overrides
 *        (for example {@code smtpd_sasl_auth_enable=yes} on submission)
 */
public record ListenerInfo(String name, String protocol, TlsMode tlsMode, Map<String, String> options) {

    /** How a listener offers TLS. */
    public enum TlsMode {
        /** Never. */
        NONE,
        /** In clear first, upgraded on the client's request (STARTTLS, STLS). */
        STARTTLS,
        /** TLS from the first byte (ports 465, 993, 995). */
        IMPLICIT
    }

    public ListenerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(tlsMode, "tlsMode");
        options = Map.copyOf(options);
    }

    /** A listener option, or {@code fallback} when unset. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
