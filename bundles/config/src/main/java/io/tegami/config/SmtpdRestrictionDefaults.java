package io.tegami.config;

import java.util.Map;

/**
 * Defaults of the SMTP server's access control: the ordered restriction lists and the reply codes
 * of smtpd_check.c, with Postfix 3's values (compatibility level 3.6 and later).
 */
final class SmtpdRestrictionDefaults {

    private SmtpdRestrictionDefaults() {
    }

    static void addTo(Map<String, String> d) {
        for (String list : new String[] {"client", "helo", "sender", "recipient", "data", "end_of_data"}) {
            d.put("smtpd_" + list + "_restrictions", "");
        }
        d.put("smtpd_restriction_classes", "");
        d.put("smtpd_relay_restrictions", "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination");
        d.put("smtpd_delay_reject", "yes");
        d.put("smtpd_relay_before_recipient_restrictions", "yes");
        d.put("relay_domains", "");
        d.put("parent_domain_matches_subdomains", "debug_peer_list,fast_flush_domains,mynetworks,"
                + "permit_mx_backup_networks,qmqpd_authorized_clients,relay_domains,smtpd_access_maps");
        d.put("smtpd_reject_unlisted_recipient", "yes");
        d.put("smtpd_reject_unlisted_sender", "no");
        // Any non-empty value means Tegami's user directory (Postfix: passwd.byname and aliases); empty
        // turns the check off, as in Postfix.
        d.put("local_recipient_maps", "users");
        d.put("relay_recipient_maps", "");
        d.put("smtpd_sender_login_maps", "");
        d.put("allow_untrusted_routing", "no");
        d.put("resolve_dequoted_address", "yes");
        d.put("show_user_unknown_table_name", "yes");
        d.put("smtpd_null_access_lookup_key", "<>");
        d.put("soft_bounce", "no");
        d.put("reject_tempfail_action", "defer_if_permit");
        d.put("unknown_address_tempfail_action", "$reject_tempfail_action");
        d.put("unknown_helo_hostname_tempfail_action", "$reject_tempfail_action");
        for (String name : new String[] {"unknown_local_recipient_reject_code", "unknown_relay_recipient_reject_code",
                "multi_recipient_bounce_reject_code"}) {
            d.put(name, "550");
        }
        for (String name : new String[] {"unknown_address_reject_code", "unknown_client_reject_code",
                "unknown_hostname_reject_code", "access_map_defer_code", "defer_code", "plaintext_reject_code"}) {
            d.put(name, "450");
        }
        d.put("invalid_hostname_reject_code", "501");
        d.put("non_fqdn_reject_code", "504");
        d.put("relay_domains_reject_code", "554");
        d.put("access_map_reject_code", "554");
        d.put("reject_code", "554");
    }
}
