/**
 * Delivery agents: what the queue manager calls to deliver one message to one recipient, or
 * (since 1.1) to several recipients of one destination in one request. Since 1.2 a result can say
 * that the next hop took over the sender's DSN request ({@link io.tegami.api.delivery.DeliveryResult#dsnPassedOn()}).
 *
 * <p>An agent registers with a {@value io.tegami.api.delivery.DeliveryAgent#TRANSPORT} property
 * ({@code local} for mailboxes on this host, {@code smtp} for the outbound client); the queue
 * manager chooses by the recipient's domain and logs the result in Postfix's shape.
 */
@Export
@Version("1.2.0")
package io.tegami.api.delivery;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
