package io.tegami.transport;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.tegami.api.config.MailParameters;

/**
 * The SMTP client's parameters, read once per delivery request so that one request sees one
 * consistent configuration, with Postfix's defaults.
 *
 * @param relayhost {@code relayhost}: where all mail goes, or empty for MX delivery
 * @param defaultPort {@code smtp_tcp_port} resolved ({@code smtp} = 25)
 * @param knownTcpPorts {@code known_tcp_ports}, for port names in destinations
 * @param heloName {@code smtp_helo_name} ({@code $myhostname})
 * @param tls {@code smtp_tls_security_level}
 * @param saslEnabled {@code smtp_sasl_auth_enable}
 * @param saslPasswordMaps {@code smtp_sasl_password_maps}
 * @param saslSenderDependent {@code smtp_sender_dependent_authentication}
 * @param saslOptions {@code smtp_sasl_security_options}, lower case
 * @param saslTlsOptions {@code smtp_sasl_tls_security_options}, lower case
 * @param saslMechanismFilter {@code smtp_sasl_mechanism_filter}, upper case; empty keeps all
 * @param timeouts the {@code smtp_*_timeout} values
 * @param cacheOnDemand {@code smtp_connection_cache_on_demand}
 * @param cacheDestinations {@code smtp_connection_cache_destinations}, lower case
 * @param cacheTimeLimit {@code smtp_connection_cache_time_limit}: how long a connection may wait idle
 * @param reuseTimeLimit {@code smtp_connection_reuse_time_limit}: how long a connection may be reused
 * @param reuseCountLimit {@code smtp_connection_reuse_count_limit} (0: no limit)
 * @param mxAddressLimit {@code smtp_mx_address_limit} (0: no limit)
 * @param mxSessionLimit {@code smtp_mx_session_limit} (0: no limit)
 * @param skip5xxGreeting {@code smtp_skip_5xx_greeting}
 */
record SmtpSettings(String relayhost, int defaultPort, String knownTcpPorts, String heloName, TlsLevel tls,
        boolean saslEnabled, String saslPasswordMaps, boolean saslSenderDependent, Set<String> saslOptions,
        Set<String> saslTlsOptions, Set<String> saslMechanismFilter, Timeouts timeouts, boolean cacheOnDemand,
        Set<String> cacheDestinations, Duration cacheTimeLimit, Duration reuseTimeLimit, long reuseCountLimit,
        int mxAddressLimit, int mxSessionLimit, boolean skip5xxGreeting) {

    /** {@code smtp_tls_security_level}: the levels this client implements. */
    enum TlsLevel {
        /** No TLS. */
        NONE,
        /** Opportunistic: STARTTLS when offered, any certificate, plaintext if the handshake fails. */
        MAY,
        /** Mandatory encryption, any certificate: defer when STARTTLS is not offered or fails. */
        ENCRYPT,
        /**
         * Mandatory encryption with a certificate that the JDK's trust store accepts, issued to the
         * server's host name. Stands for {@code verify} and {@code secure}, and for the levels this
         * client cannot check ({@code fingerprint}, {@code dane-only}), which fail safe this way.
         */
        VERIFY;

        /** Postfix's names; empty (the default) is none; {@code dane} without DNSSEC is may. */
        static TlsLevel parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "", "none" -> NONE;
                case "may", "dane" -> MAY;
                case "encrypt" -> ENCRYPT;
                default -> VERIFY;
            };
        }

        boolean mandatory() {
            return this == ENCRYPT || this == VERIFY;
        }
    }

    /** The time limits of each dialog step, Postfix's {@code smtp_*_timeout}. */
    record Timeouts(Duration connect, Duration helo, Duration starttls, Duration mail, Duration rcpt,
            Duration dataInit, Duration dataXfer, Duration dataDone, Duration rset, Duration quit) {
    }

    static SmtpSettings read(MailParameters p) {
        String known = p.get("known_tcp_ports", PortNames.DEFAULT_KNOWN);
        int port;
        try {
            port = PortNames.resolve(p.get("smtp_tcp_port", "smtp"), known);
        } catch (IllegalArgumentException e) {
            port = 25;
        }
        String helo = p.get("smtp_helo_name").filter(s -> !s.isBlank())
                .orElseGet(() -> p.get("myhostname", "localhost")).trim();
        String saslOptions = p.get("smtp_sasl_security_options", "noplaintext, noanonymous");
        Timeouts t = new Timeouts(time(p, "smtp_connect_timeout", 30), time(p, "smtp_helo_timeout", 300),
                time(p, "smtp_starttls_timeout", 300), time(p, "smtp_mail_timeout", 300),
                time(p, "smtp_rcpt_timeout", 300), time(p, "smtp_data_init_timeout", 120),
                time(p, "smtp_data_xfer_timeout", 180), time(p, "smtp_data_done_timeout", 600),
                time(p, "smtp_rset_timeout", 20), time(p, "smtp_quit_timeout", 300));
        return new SmtpSettings(p.get("relayhost", "").trim(), port, known, helo,
                TlsLevel.parse(p.get("smtp_tls_security_level", "")), p.getBoolean("smtp_sasl_auth_enable", false),
                p.get("smtp_sasl_password_maps", "").trim(), p.getBoolean("smtp_sender_dependent_authentication", false),
                words(saslOptions, false), words(p.get("smtp_sasl_tls_security_options", saslOptions), false),
                words(p.get("smtp_sasl_mechanism_filter", ""), true), t,
                p.getBoolean("smtp_connection_cache_on_demand", true),
                words(p.get("smtp_connection_cache_destinations", ""), false),
                time(p, "smtp_connection_cache_time_limit", 2), time(p, "smtp_connection_reuse_time_limit", 300),
                p.getLong("smtp_connection_reuse_count_limit", 0),
                (int) p.getLong("smtp_mx_address_limit", 5), (int) p.getLong("smtp_mx_session_limit", 2),
                p.getBoolean("smtp_skip_5xx_greeting", true));
    }

    /** True when connections to {@code destination} are kept for the next message. */
    boolean caches(Nexthop destination) {
        return cacheOnDemand || cacheDestinations.contains(destination.destination().toLowerCase(Locale.ROOT))
                || cacheDestinations.contains(destination.host());
    }

    private static Duration time(MailParameters p, String name, long seconds) {
        Duration d = p.getDuration(name, Duration.ofSeconds(seconds));
        return d.isNegative() ? Duration.ofSeconds(seconds) : d;
    }

    private static Set<String> words(String value, boolean upper) {
        return List.of(value.trim().split("[,\\s]+")).stream().filter(s -> !s.isEmpty())
                .map(s -> upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
