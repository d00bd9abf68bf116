package io.tegami.config;

import java.util.Map;

/**
 * Defaults of address rewriting and header cleanup (Postfix's cleanup(8) and trivial-rewrite(8):
 * the canonical bundle and the queue's cleanup step), with Postfix 3's values.
 */
final class CleanupDefaults {

    private CleanupDefaults() {
    }

    static void addTo(Map<String, String> d) {
        d.put("canonical_maps", "");
        d.put("sender_canonical_maps", "");
        d.put("recipient_canonical_maps", "");
        d.put("canonical_classes", "envelope_sender, envelope_recipient, header_sender, header_recipient");
        d.put("sender_canonical_classes", "envelope_sender, header_sender");
        d.put("recipient_canonical_classes", "envelope_recipient, header_recipient");
        d.put("masquerade_domains", "");
        d.put("masquerade_exceptions", "");
        d.put("masquerade_classes", "envelope_sender, header_sender, header_recipient");
        d.put("propagate_unmatched_extensions", "canonical, virtual");
        d.put("append_at_myorigin", "yes");
        d.put("append_dot_mydomain", "no");
        d.put("swap_bangpath", "yes");
        d.put("allow_percent_hack", "yes");
        d.put("owner_request_special", "yes");
        d.put("proxy_interfaces", "");
        d.put("local_header_rewrite_clients", "permit_inet_interfaces");
        d.put("remote_header_rewrite_domain", "");
        d.put("always_add_missing_headers", "no");
        d.put("undisclosed_recipients_header", "");
        d.put("message_drop_headers", "bcc, content-length, resent-bcc, return-path");
    }
}
