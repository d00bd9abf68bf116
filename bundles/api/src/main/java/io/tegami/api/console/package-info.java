/**
 * For bundles that add console commands (Gogo functions in scope {@code tegami}, also run by
 * {@code bin/tegami-ctl}): {@link io.tegami.api.console.ConsoleException} ends a command with a
 * message for the admin and the exit status the tool being imitated uses.
 */
@Export
@Version("1.0.0")
package io.tegami.api.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
