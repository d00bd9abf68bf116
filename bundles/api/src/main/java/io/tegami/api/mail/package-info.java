/**
 * Mail value types shared by every bundle: addresses and envelopes.
 *
 * <p>1.1: the delivery status notification parameters of RFC 3461 ({@link io.tegami.api.mail.RecipientDsn},
 * {@link io.tegami.api.mail.Envelope#recipientDsn()}, {@code RET}/{@code ENVID} attributes) and the
 * SMTPUTF8 flag of RFC 6531.
 */
@Export
@Version("1.2.0")
package io.tegami.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
