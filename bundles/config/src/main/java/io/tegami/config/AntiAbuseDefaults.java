package io.tegami.config;

import java.util.Map;

/**
 * Defaults of the anti-abuse controls: Postfix's anvil rates and tarpit, postscreen's pre-greet
 * test as smtpd runs it, the DATA deadline, and Tegami's auth-failure ban shared by every
 * protocol. Every limit is off by default where Postfix's is.
 */
final class AntiAbuseDefaults {

    private AntiAbuseDefaults() {
    }

    static void addTo(Map<String, String> d) {
        d.put("smtpd_client_connection_rate_limit", "0");
        d.put("smtpd_client_message_rate_limit", "0");
        d.put("smtpd_client_recipient_rate_limit", "0");
        d.put("smtpd_client_auth_rate_limit", "0");
        d.put("anvil_rate_time_unit", "60s");
        d.put("smtpd_error_sleep_time", "1s");
        d.put("tegami_smtpd_greet_test", "no");
        d.put("postscreen_greet_wait", "6s");
        d.put("postscreen_greet_action", "ignore");
        d.put("postscreen_greet_banner", "$smtpd_banner");
        d.put("smtpd_per_request_deadline", "no");
        d.put("smtpd_min_data_rate", "500");
        d.put("tegami_auth_failure_ban_limit", "10");
        d.put("tegami_auth_failure_ban_time", "10m");
        d.put("tegami_auth_failure_ban_exceptions", "$mynetworks");
        // postfix stop: the longest wait for sessions and deliveries in progress before the framework stops.
        d.put("tegami_stop_timeout", "45s");
    }
}
