package io.tegami.config;

import java.util.Map;

/** Defaults of Sieve filtering at delivery, with Pigeonhole's and Dovecot LDA's names and values. */
final class SieveDefaults {

    private SieveDefaults() {
    }

    static void addTo(Map<String, String> d) {
        d.put("sieve_max_actions", "32");
        d.put("sieve_max_redirects", "4");
        d.put("sieve_max_cpu_time", "30s");
        d.put("sieve", "file:~/sieve;active=~/.dovecot.sieve");
        d.put("sieve_before", "");
        d.put("sieve_after", "");
        d.put("sieve_global", "");
        d.put("sieve_max_script_size", "1M");
        d.put("sieve_vacation_min_period", "1d");
        d.put("sieve_vacation_max_period", "0");
        d.put("sieve_vacation_default_period", "7d");
        d.put("lda_mailbox_autocreate", "no");
        d.put("lda_mailbox_autosubscribe", "no");
        d.put("rejection_subject", "Rejected: %s");
        d.put("rejection_reason", "Your message to <%t> was automatically rejected:%n%r");
        d.put("postmaster_address", "");
        // ManageSieve (Pigeonhole's managesieve; the implementation string names Tegami).
        d.put("sieve_quota_max_scripts", "0");
        d.put("sieve_quota_max_storage", "0");
        d.put("managesieve_implementation_string", "Tegami");
        // Without the Sieve engine, deliver to INBOX (no) or defer mail of users with scripts (yes).
        d.put("sieve_required", "no");
        // ereject at SMTP time: larger messages are not checked before queueing (delivery rejects them).
        d.put("smtpd_ereject_size_limit", "1048576");
    }
}
