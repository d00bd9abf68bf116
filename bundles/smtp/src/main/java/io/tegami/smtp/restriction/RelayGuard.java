package io.tegami.smtp.restriction;

import java.util.List;

import io.tegami.smtp.session.SmtpdLog;

/**
 * Postfix's has_required(): people break their relay restrictions too often, so at least one of
 * {@code smtpd_relay_restrictions} and {@code smtpd_recipient_restrictions} must end in something
 * that refuses by default. Postfix will not start otherwise; Tegami, whose configuration changes
 * at run time, answers every recipient with {@code 451 4.3.5 Server configuration error} instead
 * of becoming an open relay.
 */
final class RelayGuard {

    private static final List<String> REQUIRED = List.of("reject_unauth_destination", "defer_unauth_destination",
            "reject", "defer", "defer_if_permit", "check_relay_domains");
    private static final int MAX_DEPTH = 100;

    private RelayGuard() {
    }

    static boolean safe(RestrictionSettings settings, List<String> relay, List<String> recipient) {
        if (has(settings, recipient, 0) || has(settings, relay, 0)) {
            return true;
        }
        SmtpdLog.warn("in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one "
                + "working instance of: reject_unauth_destination, defer_unauth_destination, reject, defer, "
                + "defer_if_permit or check_relay_domains");
        return false;
    }

    private static boolean has(RestrictionSettings settings, List<String> list, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            String name = HostNames.lower(list.get(i));
            if (name.equals("warn_if_reject") && i + 1 < list.size()) {
                i++;
                continue;
            }
            if (name.equals("permit")) {
                return false;
            }
            if (REQUIRED.contains(name)) {
                return true;
            }
            List<String> restrictionClass = settings.restrictionClass(list.get(i));
            if (restrictionClass != null && has(settings, restrictionClass, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
