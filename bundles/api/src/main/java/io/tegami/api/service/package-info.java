/**
 * Helpers for bundles that consume services: {@link io.tegami.api.service.RankedServices} keeps
 * the services of one kind that are present now in OSGi's order, for dynamic, multiple
 * Declarative Services references ({@code AddressRewriter}, {@code AddressResolver} ...).
 */
@Export
@Version("1.0.0")
package io.tegami.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
