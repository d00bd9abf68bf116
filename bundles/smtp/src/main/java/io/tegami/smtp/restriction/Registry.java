package io.tegami.smtp.restriction;

import java.util.HashMap;
import java.util.Map;

/**
 * The restriction names Tegami knows, with Postfix's aliases. Names not here (and not a
 * {@code smtpd_restriction_classes} entry) are configuration errors.
 */
final class Registry {

    private static final Map<String, Restriction> SIMPLE = new HashMap<>();
    private static final Map<String, Restriction.WithTable> TABLES = new HashMap<>();

    static {
        SIMPLE.put("permit", Generic::permit);
        SIMPLE.put("reject", Generic::reject);
        SIMPLE.put("defer", Generic::defer);
        SIMPLE.put("defer_if_permit", Generic::deferIfPermit);
        SIMPLE.put("defer_if_reject", Generic::deferIfReject);
        SIMPLE.put("reject_unauth_pipelining", Generic::unauthPipelining);
        SIMPLE.put("reject_multi_recipient_bounce", Generic::multiRecipientBounce);

        SIMPLE.put("permit_mynetworks", ClientChecks::permitMynetworks);
        SIMPLE.put("permit_inet_interfaces", ClientChecks::permitInetInterfaces);
        SIMPLE.put("permit_sasl_authenticated", ClientChecks::permitSaslAuthenticated);
        SIMPLE.put("permit_tls_clientcerts", s -> ClientChecks.permitTlsClientcerts(s, "permit_tls_clientcerts"));
        SIMPLE.put("permit_tls_all_clientcerts", s -> ClientChecks.permitTlsClientcerts(s, "permit_tls_all_clientcerts"));
        SIMPLE.put("reject_plaintext_session", ClientChecks::rejectPlaintextSession);
        SIMPLE.put("reject_unknown_client_hostname", ClientChecks::rejectUnknownClientHostname);
        SIMPLE.put("reject_unknown_client", ClientChecks::rejectUnknownClientHostname);
        SIMPLE.put("reject_unknown_reverse_client_hostname", ClientChecks::rejectUnknownReverseClientHostname);

        SIMPLE.put("reject_invalid_helo_hostname", HeloChecks::rejectInvalidHeloHostname);
        SIMPLE.put("reject_invalid_hostname", HeloChecks::rejectInvalidHeloHostname);
        SIMPLE.put("reject_non_fqdn_helo_hostname", HeloChecks::rejectNonFqdnHeloHostname);
        SIMPLE.put("reject_non_fqdn_hostname", HeloChecks::rejectNonFqdnHeloHostname);
        SIMPLE.put("reject_unknown_helo_hostname", HeloChecks::rejectUnknownHeloHostname);
        SIMPLE.put("reject_unknown_hostname", HeloChecks::rejectUnknownHeloHostname);

        SIMPLE.put("reject_non_fqdn_sender", AddressChecks::rejectNonFqdnSender);
        SIMPLE.put("reject_unknown_sender_domain", AddressChecks::rejectUnknownSenderDomain);
        SIMPLE.put("reject_unknown_address", AddressChecks::rejectUnknownSenderDomain);
        SIMPLE.put("reject_unlisted_sender", RecipientMaps::rejectUnlistedSender);
        SIMPLE.put("reject_authenticated_sender_login_mismatch", LoginMismatch::authenticated);
        SIMPLE.put("reject_unauthenticated_sender_login_mismatch", LoginMismatch::unauthenticated);
        SIMPLE.put("reject_known_sender_login_mismatch", LoginMismatch::known);
        SIMPLE.put("reject_sender_login_mismatch", LoginMismatch::both);

        SIMPLE.put("permit_auth_destination", AddressChecks::permitAuthDestination);
        SIMPLE.put("reject_unauth_destination", AddressChecks::rejectUnauthDestination);
        SIMPLE.put("defer_unauth_destination", AddressChecks::deferUnauthDestination);
        SIMPLE.put("reject_non_fqdn_recipient", AddressChecks::rejectNonFqdnRecipient);
        SIMPLE.put("reject_unknown_recipient_domain", AddressChecks::rejectUnknownRecipientDomain);
        SIMPLE.put("reject_unlisted_recipient", RecipientMaps::rejectUnlistedRecipient);
        SIMPLE.put("check_recipient_maps", RecipientMaps::rejectUnlistedRecipient);

        TABLES.put("check_client_access", AccessChecks::client);
        TABLES.put("check_helo_access", AccessChecks::helo);
        TABLES.put("check_sender_access", AccessChecks::sender);
        TABLES.put("check_recipient_access", AccessChecks::recipient);
        TABLES.put("check_sasl_access", AccessChecks::sasl);
    }

    private Registry() {
    }

    /** A restriction without argument, by lower-case name, or {@code null}. */
    static Restriction simple(String name) {
        return SIMPLE.get(name);
    }

    /** A restriction that takes a table, by lower-case name, or {@code null}. */
    static Restriction.WithTable withTable(String name) {
        return TABLES.get(name);
    }
}
