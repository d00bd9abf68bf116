package io.tegami.policy.rbl;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;

/**
 * How long a DNS list may take: {@code postscreen_dnsbl_timeout} (Postfix's default 10s), for
 * the smtpd restrictions too, well inside {@code smtpd_policy_service_timeout}, so that a silent
 * list fails open here instead of making the SMTP server defer the mail.
 */
final class Timeouts {

    static final Duration DEFAULT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.policy.rbl.smtpd");

    private Timeouts() {
    }

    static Duration lookup(MailParameters parameters) {
        if (parameters == null) {
            return DEFAULT;
        }
        Duration d = parameters.getDuration("postscreen_dnsbl_timeout", DEFAULT);
        return d == null || d.isZero() || d.isNegative() ? DEFAULT : d;
    }

    static void noResolver(String name) {
        LOG.warn("{}: no DNS resolver service: the DNS list is not consulted", name);
    }
}
