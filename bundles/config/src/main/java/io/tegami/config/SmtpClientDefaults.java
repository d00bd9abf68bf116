package io.tegami.config;

import java.util.Map;

/**
 * Defaults of the outbound side: the DNS resolver and the SMTP client (Postfix's smtp(8)),
 * with Postfix's values.
 */
final class SmtpClientDefaults {

    private SmtpClientDefaults() {
    }

    static void addTo(Map<String, String> d) {
        // Tegami's own: resolvers for the dns bundle (empty = /etc/resolv.conf).
        d.put("dns_servers", "");
        d.put("dns_timeout", "5s");
        d.put("dns_attempts", "2");
        d.put("relayhost", "");
        d.put("smtp_tcp_port", "smtp");
        d.put("known_tcp_ports", "lmtp=24, smtp=25, smtps=submissions=465, submission=587");
        d.put("smtp_helo_name", "$myhostname");
        d.put("smtp_tls_security_level", "");
        d.put("smtp_sasl_auth_enable", "no");
        d.put("smtp_sasl_password_maps", "");
        d.put("smtp_sasl_security_options", "noplaintext, noanonymous");
        d.put("smtp_sasl_tls_security_options", "$smtp_sasl_security_options");
        d.put("smtp_sasl_mechanism_filter", "");
        d.put("smtp_sender_dependent_authentication", "no");
        d.put("smtp_connect_timeout", "30s");
        d.put("smtp_helo_timeout", "300s");
        d.put("smtp_starttls_timeout", "300s");
        d.put("smtp_mail_timeout", "300s");
        d.put("smtp_rcpt_timeout", "300s");
        d.put("smtp_data_init_timeout", "120s");
        d.put("smtp_data_xfer_timeout", "180s");
        d.put("smtp_data_done_timeout", "600s");
        d.put("smtp_rset_timeout", "20s");
        d.put("smtp_quit_timeout", "300s");
        d.put("smtp_connection_cache_on_demand", "yes");
        d.put("smtp_connection_cache_destinations", "");
        d.put("smtp_connection_cache_time_limit", "2s");
        d.put("smtp_connection_reuse_time_limit", "300s");
        d.put("smtp_connection_reuse_count_limit", "0");
        d.put("smtp_mx_address_limit", "5");
        d.put("smtp_mx_session_limit", "2");
        d.put("smtp_skip_5xx_greeting", "yes");
        d.put("default_destination_recipient_limit", "50");
        d.put("smtp_destination_recipient_limit", "$default_destination_recipient_limit");
    }
}
