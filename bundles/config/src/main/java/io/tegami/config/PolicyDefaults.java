package io.tegami.config;

import java.util.Map;

/**
 * Defaults of the SMTP policy plugins (io.tegami.api.smtp) and of the DNS block lists of the
 * {@code policy-rbl} bundle: Postfix 3's values of smtpd_check.c and postscreen.
 */
final class PolicyDefaults {

    private PolicyDefaults() {
    }

    static void addTo(Map<String, String> d) {
        d.put("smtpd_policy_service_timeout", "100s");
        d.put("smtpd_policy_service_default_action", "451 4.3.5 Server configuration problem");
        d.put("maps_rbl_reject_code", "554");
        // Read unexpanded by policy-rbl: $rbl_code and friends are template variables, not parameters.
        d.put("default_rbl_reply", "$rbl_code Service unavailable; $rbl_class [$rbl_what] blocked using "
                + "$rbl_domain${rbl_reason?; $rbl_reason}");
        d.put("rbl_reply_maps", "");
        d.put("postscreen_dnsbl_sites", "");
        d.put("postscreen_dnsbl_threshold", "1");
        d.put("postscreen_dnsbl_allowlist_threshold", "0");
        d.put("postscreen_dnsbl_reply_map", "");
        d.put("postscreen_dnsbl_timeout", "10s");
    }
}
