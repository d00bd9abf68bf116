package io.tegami.config;

import java.util.Map;

/**
 * Defaults of the SMTP server's protocol rules that arrived with DSN, CHUNKING and SMTPUTF8 and
 * Postfix 3.9's answers to SMTP smuggling, with Postfix's values.
 */
final class SmtpdProtocolDefaults {

    private SmtpdProtocolDefaults() {
    }

    static void addTo(Map<String, String> d) {
        d.put("smtpd_forbid_bare_newline", "normalize");
        d.put("smtpd_forbid_bare_newline_exclusions", "$mynetworks");
        d.put("smtpd_forbid_bare_newline_reject_code", "550");
        d.put("smtpd_forbid_unauth_pipelining", "yes");
        d.put("smtputf8_enable", "yes");
        d.put("strict_smtputf8", "no");
        d.put("smtpd_discard_ehlo_keywords", "");
        d.put("bounce_size_limit", "50000");
        d.put("smtpd_helo_required", "no");
        d.put("smtpd_soft_error_limit", "10");
        d.put("smtpd_junk_command_limit", "100");
        d.put("smtpd_recipient_overshoot_limit", "1000");
        // Postfix says no; Tegami records the TLS protocol and cipher in Received by default, as
        // Postfix admins usually turn on, because it tells a reader how the hop was protected.
        d.put("smtpd_tls_received_header", "yes");
        d.put("smtpd_forbidden_commands", "CONNECT GET POST");
    }
}
