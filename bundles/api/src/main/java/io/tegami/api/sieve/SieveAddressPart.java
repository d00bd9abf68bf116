package io.tegami.api.sieve;

import org.osgi.annotation.versioning.ConsumerType;


/** SPI: an address part ({@code :localpart}, {@code :user}...). */
@ConsumerType
public interface SieveAddressPart {

    /** The tag with its colon. */
    String tag();

    /**
     * The part of an address, or null when the address has none (so no key matches it).
     *
     * @param localPart the local part, unquoted
     * @param domain the domain, or empty
     */
    String part(String localPart, String domain);
}
