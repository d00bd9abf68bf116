package io.tegami.canonical;

import io.tegami.api.config.MailParameters;
import io.tegami.api.rewrite.RewriteContext;

/**
 * trivial-rewrite(8)'s rewriting to standard form, on one address in internal form: strip a
 * source route, turn {@code site!user} into {@code user@site} ({@code swap_bangpath}) or
 * {@code user%site} into {@code user@site} ({@code allow_percent_hack}), append {@code @$myorigin}
 * ({@code append_at_myorigin}) and {@code .$mydomain} ({@code append_dot_mydomain}), and drop a
 * trailing dot. The {@code remote} context completes with {@code $remote_header_rewrite_domain}
 * instead, so that a remote client's incomplete addresses never look local.
 */
final class Completion {

    private final MailParameters parameters;

    Completion(MailParameters parameters) {
        this.parameters = parameters;
    }

    /** The address in standard form; an empty address is returned as it is. */
    String complete(String address, RewriteContext context) {
        if (address.isEmpty() || address.equals("@")) {
            return address;
        }
        String origin;
        String domain;
        if (context == RewriteContext.REMOTE) {
            origin = parameters.get("remote_header_rewrite_domain", "").trim();
            domain = origin;
        } else {
            origin = parameters.get("myorigin").orElseGet(() -> parameters.get("myhostname", "")).trim();
            domain = parameters.get("mydomain", "").trim();
        }
        String a = stripSourceRoute(address);
        if (a.lastIndexOf('@') < 0) {
            int bang = a.indexOf('!');
            int percent = a.lastIndexOf('%');
            if (bang >= 0 && parameters.getBoolean("swap_bangpath", true)) {
                a = a.substring(bang + 1) + "@" + a.substring(0, bang);
            } else if (percent >= 0 && parameters.getBoolean("allow_percent_hack", true)) {
                a = a.substring(0, percent) + "@" + a.substring(percent + 1);
            } else if (!origin.isEmpty() && parameters.getBoolean("append_at_myorigin", true)) {
                a = a + "@" + origin;
            }
        }
        int at = a.lastIndexOf('@');
        // Postfix 3 default (compatibility_level >= 1): append_dot_mydomain = no.
        if (!domain.isEmpty() && at >= 0 && at < a.length() - 1 && parameters.getBoolean("append_dot_mydomain", false)) {
            String host = a.substring(at + 1);
            if (!host.startsWith("[") && host.indexOf('.') < 0) {
                a = a + "." + domain;
            }
        }
        // A trailing dot goes, but not from the bogus forms "x@." and "x.." (kept for diagnostics).
        if (a.length() > 1 && a.endsWith(".")) {
            char before = a.charAt(a.length() - 2);
            if (before != '.' && before != '@') {
                a = a.substring(0, a.length() - 1);
            }
        }
        return a;
    }

    /** {@code @relay1,@relay2:user@domain} becomes {@code user@domain}. */
    private static String stripSourceRoute(String address) {
        if (address.startsWith("@")) {
            int colon = address.indexOf(':');
            if (colon > 0 && colon < address.length() - 1) {
                return address.substring(colon + 1);
            }
        }
        return address;
    }
}
