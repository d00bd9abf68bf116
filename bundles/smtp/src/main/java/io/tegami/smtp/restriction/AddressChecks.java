package io.tegami.smtp.restriction;

/**
 * Restrictions on where the mail goes and where it claims to come from:
 * {@code permit_auth_destination}, {@code reject_unauth_destination},
 * {@code defer_unauth_destination}, {@code reject_non_fqdn_sender}/{@code _recipient} and
 * {@code reject_unknown_sender_domain}/{@code _recipient_domain}. Addresses are judged as
 * trivial-rewrite resolves them, so routing tricks in the local part count as what they are.
 */
final class AddressChecks {

    private AddressChecks() {
    }

    static Status permitAuthDestination(CheckState state) {
        if (state.recipient == null) {
            return Status.DUNNO;
        }
        return authorized(state, state.recipient) ? Status.OK : Status.DUNNO;
    }

    static Status rejectUnauthDestination(CheckState state) {
        return unauthDestination(state, false);
    }

    static Status deferUnauthDestination(CheckState state) {
        return unauthDestination(state, true);
    }

    private static Status unauthDestination(CheckState state, boolean defer) {
        if (state.recipient == null || authorized(state, state.recipient)) {
            return Status.DUNNO;
        }
        int code = state.settings().code("relay_domains_reject_code", 554) - (defer ? 100 : 0);
        return Rejects.reject(state, ErrorClass.POLICY, code, defer ? "4.7.1" : "5.7.1",
                "<" + state.recipient + ">: Relay access denied");
    }

    /**
     * permit_auth_destination(): final delivery here or a {@code relay_domains} destination, unless
     * routing operators remain in the local part ({@code allow_untrusted_routing = no}).
     */
    static boolean authorized(CheckState state, String recipient) {
        ResolvedAddress resolved = resolve(state, recipient);
        if (resolved.recipient().indexOf('@') < 0) {
            return true;
        }
        if (resolved.routed() && !state.settings().flag("allow_untrusted_routing", false)) {
            return false;
        }
        return resolved.addressClass() != ResolvedAddress.AddressClass.DEFAULT;
    }

    static Status rejectNonFqdnSender(CheckState state) {
        return state.sender == null || state.sender.isEmpty() ? Status.DUNNO : nonFqdn(state, state.sender, Names.SENDER);
    }

    static Status rejectNonFqdnRecipient(CheckState state) {
        return state.recipient == null ? Status.DUNNO : nonFqdn(state, state.recipient, Names.RECIPIENT);
    }

    private static Status nonFqdn(CheckState state, String address, String replyClass) {
        String domain = HostNames.domainOf(address);
        if (domain.startsWith("[") && domain.endsWith("]")) {
            return Status.DUNNO;
        }
        String name = HostNames.withoutTrailingDot(domain);
        if (name.isEmpty() || !HostNames.validHostname(name) || name.indexOf('.') < 0) {
            return Rejects.reject(state, ErrorClass.POLICY, state.settings().code("non_fqdn_reject_code", 504), "4.5.2",
                    Generic.rejected(address, replyClass, "need fully-qualified address"));
        }
        return Status.DUNNO;
    }

    static Status rejectUnknownSenderDomain(CheckState state) {
        return state.sender == null || state.sender.isEmpty() ? Status.DUNNO
                : unknownDomain(state, state.sender, Names.SENDER);
    }

    static Status rejectUnknownRecipientDomain(CheckState state) {
        return state.recipient == null ? Status.DUNNO : unknownDomain(state, state.recipient, Names.RECIPIENT);
    }

    /** reject_unknown_address(): a remote domain needs an MX or address record. */
    private static Status unknownDomain(CheckState state, String address, String replyClass) {
        ResolvedAddress resolved = resolve(state, address);
        String domain = resolved.domain();
        if (resolved.recipient().indexOf('@') < 0 || resolved.isFinal() || (domain.startsWith("[") && domain.endsWith("]"))) {
            return Status.DUNNO;
        }
        boolean sender = Names.SENDER.equals(replyClass);
        String notFound = Generic.rejected(address, replyClass, "Domain not found");
        return switch (Dns.mailHost(state, domain)) {
            case FOUND -> Status.DUNNO;
            case NULL_MX -> Rejects.reject(state, ErrorClass.POLICY, sender ? 550 : 556, sender ? "4.7.27" : "4.1.10",
                    Generic.rejected(address, replyClass, "Domain " + domain + " does not accept mail (nullMX)"));
            case NOT_FOUND -> Rejects.reject(state, ErrorClass.POLICY,
                    state.settings().code("unknown_address_reject_code", 450), sender ? "4.1.8" : "4.1.2", notFound);
            case RETRY -> Rejects.deferIfPermit(state,
                    state.settings().tempfailDefersIfPermit("unknown_address_tempfail_action"), ErrorClass.POLICY, 450,
                    sender ? "4.1.8" : "4.1.2", notFound);
        };
    }

    /** Resolves, or ends the stage with 451 4.3.0 when a table lookup failed. */
    static ResolvedAddress resolve(CheckState state, String address) {
        ResolvedAddress resolved = state.resolve(address);
        if (resolved.fail()) {
            throw Rejects.dictRetry(state, address);
        }
        return resolved;
    }
}
