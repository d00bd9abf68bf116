/**
 * Address resolution: what a recipient address turns into before delivery (aliases, forwarding,
 * virtual maps, pipes, files). Resolvers are consulted by local delivery and the SMTP server in
 * {@code service.ranking} order.
 */
@Export
@Version("1.1.0")
package io.tegami.api.address;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
