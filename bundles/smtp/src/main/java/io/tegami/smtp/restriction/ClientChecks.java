package io.tegami.smtp.restriction;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

import io.tegami.api.dns.DnsAnswer;
import io.tegami.smtp.restriction.SessionChecks.NameStatus;
import io.tegami.smtp.session.ClientNameResolver;
import io.tegami.smtp.session.SmtpdLog;

/**
 * Restrictions on who the client is: {@code permit_mynetworks}, {@code permit_inet_interfaces},
 * {@code permit_sasl_authenticated}, {@code permit_tls_clientcerts}, {@code reject_plaintext_session}
 * and the DNS checks {@code reject_unknown_client_hostname} and
 * {@code reject_unknown_reverse_client_hostname}.
 */
final class ClientChecks {

    private ClientChecks() {
    }

    static Status permitMynetworks(CheckState state) {
        return state.settings().mynetworks().contains(state.facts().ip()) ? Status.OK : Status.DUNNO;
    }

    /** The client connects from one of this machine's own addresses. */
    static Status permitInetInterfaces(CheckState state) {
        InetAddress ip = state.facts().ip();
        try {
            return ip != null && (ip.isLoopbackAddress() || NetworkInterface.getByInetAddress(ip) != null)
                    ? Status.OK : Status.DUNNO;
        } catch (SocketException e) {
            return Status.DUNNO;
        }
    }

    /** Only where SASL is enabled at all, as Postfix's smtpd_sasl_is_active(). */
    static Status permitSaslAuthenticated(CheckState state) {
        return state.settings().saslEnabled() && state.facts().saslUsername() != null ? Status.OK : Status.DUNNO;
    }

    /**
     * Tegami does not ask clients for certificates ({@code smtpd_tls_ask_ccert = no}), so, as
     * Postfix does then, this finds nothing and says why in the log.
     */
    static Status permitTlsClientcerts(CheckState state, String name) {
        if (state.facts().secure()) {
            SmtpdLog.warn("{} is requested, but \"smtpd_tls_ask_ccert = no\"", name);
        }
        return Status.DUNNO;
    }

    static Status rejectPlaintextSession(CheckState state) {
        if (state.facts().secure()) {
            return Status.DUNNO;
        }
        return Rejects.reject(state, ErrorClass.POLICY, state.settings().code("plaintext_reject_code", 450), "4.7.1",
                "Session encryption is required");
    }

    /** The client has no host name whose address maps back to it. */
    static Status rejectUnknownClientHostname(CheckState state) {
        NameStatus status = clientName(state);
        if (status == NameStatus.OK) {
            return Status.DUNNO;
        }
        int code = status == NameStatus.PERMANENT ? state.settings().code("unknown_client_reject_code", 450) : 450;
        return Rejects.reject(state, ErrorClass.POLICY, code, "4.7.25",
                "Client host rejected: cannot find your hostname, [" + state.facts().client().address() + "]");
    }

    /** The client's address has no PTR record at all. */
    static Status rejectUnknownReverseClientHostname(CheckState state) {
        NameStatus status = reverseName(state);
        if (status == NameStatus.OK) {
            return Status.DUNNO;
        }
        int code = status == NameStatus.PERMANENT ? state.settings().code("unknown_client_reject_code", 450) : 450;
        return Rejects.reject(state, ErrorClass.POLICY, code, "4.7.1",
                "Client host rejected: cannot find your reverse hostname, [" + state.facts().client().address() + "]");
    }

    private static boolean named(CheckState state) {
        return !ClientNameResolver.UNKNOWN.equals(state.facts().client().name());
    }

    /** A verified name (forward lookup of a PTR name gives the client's address back). */
    private static NameStatus clientName(CheckState state) {
        SessionChecks session = state.session();
        if (session.clientName == null) {
            if (named(state)) {
                session.clientName = NameStatus.OK;
            } else {
                session.clientName = verify(state);
            }
        }
        return session.clientName;
    }

    private static NameStatus verify(CheckState state) {
        InetAddress ip = state.facts().ip();
        if (ip == null) {
            return NameStatus.PERMANENT;
        }
        DnsAnswer<String> ptr = Dns.ptr(state, ip);
        if (!ptr.found()) {
            return ptr.status() == DnsAnswer.Status.TEMPORARY_FAILURE ? NameStatus.TEMPORARY : NameStatus.PERMANENT;
        }
        boolean temporary = false;
        for (String name : ptr.records()) {
            DnsAnswer<InetAddress> forward = Dns.addresses(state, name);
            if (forward.found() && forward.records().contains(ip)) {
                return NameStatus.OK;
            }
            temporary |= forward.status() == DnsAnswer.Status.TEMPORARY_FAILURE;
        }
        return temporary ? NameStatus.TEMPORARY : NameStatus.PERMANENT;
    }

    private static NameStatus reverseName(CheckState state) {
        SessionChecks session = state.session();
        if (session.reverseName == null) {
            InetAddress ip = state.facts().ip();
            if (named(state)) {
                session.reverseName = NameStatus.OK;
            } else if (ip == null) {
                session.reverseName = NameStatus.PERMANENT;
            } else {
                DnsAnswer<String> ptr = Dns.ptr(state, ip);
                session.reverseName = ptr.found() ? NameStatus.OK
                        : ptr.status() == DnsAnswer.Status.TEMPORARY_FAILURE ? NameStatus.TEMPORARY : NameStatus.PERMANENT;
            }
        }
        return session.reverseName;
    }
}
