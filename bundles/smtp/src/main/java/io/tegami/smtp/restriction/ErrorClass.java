package io.tegami.smtp.restriction;

/**
 * Postfix's {@code MAIL_ERROR_*} classes of a rejection. Only the policy-type ones may be
 * turned into a warning by {@code warn_if_reject}: configuration, resource and lookup problems
 * always take effect.
 */
enum ErrorClass {
    POLICY,
    PROTOCOL,
    BOUNCE,
    SOFTWARE,
    RESOURCE,
    DATA;

    /** True for the classes {@code warn_if_reject} cannot soften. */
    boolean hard() {
        return this == SOFTWARE || this == RESOURCE || this == DATA;
    }
}
