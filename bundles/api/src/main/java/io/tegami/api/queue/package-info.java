/**
 * The mail queue: where accepted mail waits, durably, until it is delivered or bounced.
 *
 * <p>Receivers (the SMTP server, {@code sendmail}, Sieve redirects, bounces) put messages in with
 * {@link io.tegami.api.queue.MailQueue#create}; the queue manager hands them to
 * {@link io.tegami.api.delivery.DeliveryAgent}s. A message is acknowledged to its sender only after
 * {@link io.tegami.api.queue.MessageWriter#commit()} returned, that is, after its bytes are on disk.
 */
@Export
@Version("1.2.0")
package io.tegami.api.queue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
