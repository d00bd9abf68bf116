package io.tegami.smtp.restriction;

/**
 * Restrictions on the HELO/EHLO name: {@code reject_invalid_helo_hostname},
 * {@code reject_non_fqdn_helo_hostname} and {@code reject_unknown_helo_hostname}. Each does nothing
 * before the client has said HELO or EHLO, and always replies about the HELO name
 * ({@code <name>: Helo command rejected: ...}), whichever list it sits in.
 */
final class HeloChecks {

    private HeloChecks() {
    }

    static Status rejectInvalidHeloHostname(CheckState state) {
        String helo = state.helo;
        if (helo == null) {
            return Status.DUNNO;
        }
        if (helo.startsWith("[")) {
            return invalidHostaddr(state, helo, helo, Names.HELO);
        }
        String name = HostNames.withoutTrailingDot(helo);
        if (!HostNames.validHostname(name) && !HostNames.validHostaddr(name)) {
            return Rejects.reject(state, ErrorClass.POLICY, state.settings().code("invalid_hostname_reject_code", 501),
                    "5.5.2", Generic.rejected(helo, Names.HELO, "Invalid name"));
        }
        return Status.DUNNO;
    }

    static Status rejectNonFqdnHeloHostname(CheckState state) {
        String helo = state.helo;
        if (helo == null) {
            return Status.DUNNO;
        }
        if (helo.startsWith("[")) {
            return invalidHostaddr(state, helo, helo, Names.HELO);
        }
        String name = HostNames.withoutTrailingDot(helo);
        if (!HostNames.validHostname(name) || name.indexOf('.') < 0) {
            return Rejects.reject(state, ErrorClass.POLICY, state.settings().code("non_fqdn_reject_code", 504), "5.5.2",
                    Generic.rejected(helo, Names.HELO, "need fully-qualified hostname"));
        }
        return Status.DUNNO;
    }

    static Status rejectUnknownHeloHostname(CheckState state) {
        String helo = state.helo;
        if (helo == null) {
            return Status.DUNNO;
        }
        if (helo.startsWith("[")) {
            return invalidHostaddr(state, helo, helo, Names.HELO);
        }
        String text = Generic.rejected(helo, Names.HELO, "Host not found");
        return switch (Dns.hostName(state, helo)) {
            case FOUND, NULL_MX -> Status.DUNNO;
            case NOT_FOUND -> Rejects.reject(state, ErrorClass.POLICY,
                    state.settings().code("unknown_hostname_reject_code", 450), "4.7.1", text);
            case RETRY -> Rejects.deferIfPermit(state,
                    state.settings().tempfailDefersIfPermit("unknown_helo_hostname_tempfail_action"),
                    ErrorClass.POLICY, 450, "4.7.1", text);
        };
    }

    /** reject_invalid_hostaddr(): {@code [address]} must hold a valid IPv4 or {@code IPv6:} address. */
    static Status invalidHostaddr(CheckState state, String literal, String replyName, String replyClass) {
        String address = literal.length() > 2 && literal.startsWith("[") && literal.endsWith("]")
                ? literal.substring(1, literal.length() - 1) : literal;
        if (!HostNames.validMailhostAddr(address)) {
            return Rejects.reject(state, ErrorClass.POLICY, state.settings().code("invalid_hostname_reject_code", 501),
                    "5.5.2", Generic.rejected(replyName, replyClass, "invalid ip address"));
        }
        return Status.DUNNO;
    }
}
