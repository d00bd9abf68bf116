/**
 * Mail value types shared by every bundle: addresses and envelopes.
 */
@Export
@Version("1.0.0")
package io.tegami.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
