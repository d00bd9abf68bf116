/**
 * Users: who has mail here, where their home is, and how they prove who they are.
 */
@Export
@Version("1.0.0")
package io.tegami.api.user;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
