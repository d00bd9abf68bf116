package io.tegami.tls;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS versions of a listener, from the settings that govern it: for SMTP listeners Postfix's
 * {@code smtpd_tls_protocols}, or {@code smtpd_tls_mandatory_protocols} where TLS is mandatory
 * ({@code smtpd_tls_security_level = encrypt}, implicit TLS), as Postfix does; for the others
 * Dovecot's {@code ssl_min_protocol}. Unset means TLS 1.2 and 1.3; an invalid value is logged
 * (once per value) and the default applies, so a typo never widens the policy.
 */
final class ProtocolSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolSettings.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private ProtocolSettings() {
    }

    /**
     * @param mandatory whether the listener requires TLS (implicit TLS, or security level encrypt)
     * @return the versions, newest first
     */
    static List<String> of(ListenerSettings settings, boolean mandatory) {
        if (!settings.smtp()) {
            return parse("ssl_min_protocol", settings.get("ssl_min_protocol"), ProtocolPolicy::dovecotMinimum);
        }
        boolean encrypt = mandatory || settings.get("smtpd_tls_security_level")
                .map(v -> v.toLowerCase(Locale.ROOT).equals("encrypt")).orElse(false);
        Optional<String> mandatoryList = encrypt ? settings.get("smtpd_tls_mandatory_protocols") : Optional.empty();
        if (mandatoryList.isPresent()) {
            return parse("smtpd_tls_mandatory_protocols", mandatoryList, ProtocolPolicy::postfix);
        }
        return parse("smtpd_tls_protocols", settings.get("smtpd_tls_protocols"), ProtocolPolicy::postfix);
    }

    /** The versions every listener accepts by the global settings: both policies at once. */
    static List<String> global(ListenerSettings settings) {
        List<String> smtp = parse("smtpd_tls_protocols", settings.global("smtpd_tls_protocols"), ProtocolPolicy::postfix);
        List<String> dovecot = parse("ssl_min_protocol", settings.global("ssl_min_protocol"),
                ProtocolPolicy::dovecotMinimum);
        return ProtocolPolicy.intersect(smtp, dovecot);
    }

    private static List<String> parse(String name, Optional<String> value,
            java.util.function.Function<String, List<String>> parser) {
        if (value.isEmpty()) {
            return ProtocolPolicy.DEFAULT;
        }
        try {
            List<String> protocols = parser.apply(value.get());
            if (protocols.isEmpty() && WARNED.add(name + "=" + value.get())) {
                LOG.warn("{} = {} enables no TLS protocol: TLS handshakes will fail", name, value.get());
            }
            warnIfWeak(name, value.get(), protocols);
            return protocols;
        } catch (IllegalArgumentException e) {
            if (WARNED.add(name + "=" + value.get())) {
                LOG.error("{} = {}: {}; using {}", name, value.get(), e.getMessage(), String.join(" ", ProtocolPolicy.DEFAULT));
            }
            return ProtocolPolicy.DEFAULT;
        }
    }

    private static void warnIfWeak(String name, String value, List<String> protocols) {
        boolean weak = protocols.stream().anyMatch(p -> p.equals("SSLv3") || p.equals("TLSv1") || p.equals("TLSv1.1"));
        if (weak && WARNED.add("weak:" + name + "=" + value)) {
            LOG.warn("{} = {} allows protocols older than TLS 1.2, which the JDK disables unless "
                    + "jdk.tls.disabledAlgorithms is changed", name, value);
        }
    }
}
