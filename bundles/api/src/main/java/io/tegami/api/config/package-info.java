/**
 * Mail system parameters with Postfix's names and semantics.
 *
 * <p>Parameters such as {@code myhostname}, {@code mydestination} or {@code message_size_limit}
 * live in one namespace, like Postfix's {@code main.cf}, because they refer to each other
 * ({@code mydestination = $myhostname, localhost.$mydomain, localhost}). A bundle reads them
 * through the {@link io.tegami.api.config.MailParameters} service, which expands {@code $name}
 * references and falls back to Postfix's defaults.
 */
@Export
@Version("1.1.0")
package io.tegami.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
