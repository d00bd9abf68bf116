/**
 * TLS: where listeners and outbound clients get their {@link javax.net.ssl.SSLContext}.
 *
 * <p>A {@link io.tegami.api.tls.TlsProvider} owns certificates and keys (PEM files named in
 * configuration, or a generated self-signed certificate) and hands out contexts built from them.
 */
@Export
@Version("1.0.0")
package io.tegami.api.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
