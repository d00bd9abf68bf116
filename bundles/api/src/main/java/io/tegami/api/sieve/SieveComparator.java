package io.tegami.api.sieve;

import org.osgi.annotation.versioning.ConsumerType;


/** SPI: a comparator (RFC 4790) such as {@code i;ascii-casemap}. */
@ConsumerType
public interface SieveComparator {

    /** The comparator name ({@code i;octet}). */
    String name();

    /**
     * The canonical form of a string, such that two strings are equal under this comparator when
     * their canonical forms are equal, and substring and wildcard matching applies to it.
     */
    String canonical(String value);

    /** Whether {@code :contains} and {@code :matches} apply (false for {@code i;ascii-numeric}). */
    default boolean substringMatching() {
        return true;
    }

    /** Whether the two strings are equal. */
    default boolean equal(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    /** Orders two strings (for {@code relational}); negative, zero or positive. */
    default int compare(String a, String b) {
        return canonical(a).compareTo(canonical(b));
    }
}
