package io.tegami.smtp.restriction;

/**
 * What trivial-rewrite's resolver makes of an address (Postfix's RESOLVE_REPLY): the final
 * recipient after local routing layers are stripped, its address class and flags.
 *
 * @param recipient the resolved recipient in internal form, always {@code user@domain}
 * @param addressClass where the mail would go
 * @param routed {@code RESOLVE_FLAG_ROUTED}: the local part still carries {@code @}, {@code !} or
 *        {@code %}, so the real destination is uncertain
 * @param error {@code RESOLVE_FLAG_ERROR}: the resolved domain is not a valid host name or literal
 * @param fail {@code RESOLVE_FLAG_FAIL}: a table lookup failed, try again later
 */
record ResolvedAddress(String recipient, AddressClass addressClass, boolean routed, boolean error, boolean fail) {

    /** Postfix's address classes that matter here. */
    enum AddressClass {
        /** {@code mydestination}: final delivery here ({@code RESOLVE_CLASS_FINAL}). */
        LOCAL,
        /**
         * {@code virtual_alias_domains}: final destination here, every address aliased elsewhere
         * ({@code RESOLVE_CLASS_ALIAS}); an address without a {@code virtual_alias_maps} entry
         * is unknown.
         */
        ALIAS,
        /** {@code relay_domains}: we relay for it. */
        RELAY,
        /** Anywhere else. */
        DEFAULT
    }

    static ResolvedAddress failed(String address) {
        return new ResolvedAddress(address, AddressClass.DEFAULT, false, false, true);
    }

    /** True for final delivery on this machine ({@code RESOLVE_CLASS_FINAL}: local or virtual alias domains). */
    boolean isFinal() {
        return addressClass == AddressClass.LOCAL || addressClass == AddressClass.ALIAS;
    }

    /** The domain of the resolved recipient. */
    String domain() {
        return HostNames.domainOf(recipient);
    }

    /** The local part of the resolved recipient. */
    String localPart() {
        int at = recipient.lastIndexOf('@');
        return at < 0 ? recipient : recipient.substring(0, at);
    }
}
