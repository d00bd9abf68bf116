/**
 * Sieve mail filtering (RFC 5228): the engine contract a delivery agent calls, the action model a
 * script run produces, and the SPI through which each Sieve extension is contributed.
 *
 * <p>A delivery agent obtains the {@link io.tegami.api.sieve.SieveEngine} service,
 * {@link io.tegami.api.sieve.SieveEngine#compile compiles} a script once (caching the
 * {@link io.tegami.api.sieve.SieveScript} until the file changes), then
 * {@link io.tegami.api.sieve.SieveEngine#execute executes} it per message. The
 * {@link io.tegami.api.sieve.SieveResult} lists the {@link io.tegami.api.sieve.SieveAction}s to
 * perform and whether the implicit keep applies; a script that fails at run time yields a result
 * with only the implicit keep and the error text, which the agent logs.
 *
 * <p>Plugin authors add an extension by registering a {@link io.tegami.api.sieve.SieveExtension}
 * service: its capability name (what {@code require} names), the commands
 * ({@link io.tegami.api.sieve.SieveCommand}), comparators, match types, address parts and tagged
 * arguments it brings. The engine picks extensions up and drops them as their bundles come and go.
 *
 * <p>A receiving SMTP server may bind {@link io.tegami.api.sieve.SieveEreject} (since 1.2) to
 * refuse during the transaction what the recipients' scripts would {@code ereject}.
 */
@Export
@Version("1.2.0")
package io.tegami.api.sieve;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
