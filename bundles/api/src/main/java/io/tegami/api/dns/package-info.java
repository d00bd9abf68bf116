/**
 * DNS lookups for the mail system: MX and address records for outbound delivery, PTR for client
 * names, A and TXT for DNS block lists, as Postfix's dns_lookup() does them.
 *
 * <p>A {@link io.tegami.api.dns.DnsResolver} service answers asynchronously so that callers on
 * Netty event loops or session threads never block on the network; it honours the
 * {@code dns_servers} parameter (resolvers as {@code host[:port]}, else {@code /etc/resolv.conf}).
 */
@Export
@Version("1.0.0")
package io.tegami.api.dns;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
