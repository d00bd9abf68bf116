package io.tegami.smtp.restriction;

/** One named restriction of a Postfix restriction list ({@code permit_mynetworks}). */
@FunctionalInterface
interface Restriction {

    Status apply(CheckState state);

    /** A restriction that takes a lookup table as its argument ({@code check_client_access hash:...}). */
    @FunctionalInterface
    interface WithTable {
        Status apply(CheckState state, String table);
    }
}
