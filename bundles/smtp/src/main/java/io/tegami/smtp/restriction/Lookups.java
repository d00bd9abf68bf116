package io.tegami.smtp.restriction;

import io.tegami.api.dns.DnsResolver;
import io.tegami.api.user.UserDirectory;

/**
 * The services restrictions consult, as they are at the moment of the check (each may be absent
 * while bundles come and go).
 *
 * @param dns the DNS resolver, or {@code null}
 * @param users the user directory (Postfix's {@code local_recipient_maps}), or {@code null}
 */
record Lookups(DnsResolver dns, UserDirectory users) {
}
