package io.tegami.smtp.session;

import java.util.List;
import java.util.Map;

import io.tegami.api.address.AddressResolver;
import io.tegami.api.config.MailParameters;
import io.tegami.api.dns.DnsResolver;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.user.UserDirectory;
import io.tegami.smtp.restriction.PolicyServices;

/**
 * The services a session uses, read at the moment of use: each may come, go or be replaced while
 * a session lives (hot swap), so a session never keeps one beyond the command that needs it.
 */
public interface SmtpServices {

    /** The mail parameters; {@code null} only while the server is going away. */
    MailParameters parameters();

    /** The mail queue, or {@code null} when no queue bundle runs (DATA then answers 451). */
    MailQueue queue();

    /** The user directory, or {@code null} when none runs (local recipients then get 451). */
    UserDirectory users();

    /** The SASL mechanisms registered now, by upper-case name; empty when none. */
    Map<String, SaslMechanism> mechanisms();

    /** The shared auth penalty, or {@code null} when no bundle provides it. */
    AuthPenalty penalty();

    /** The DNS resolver, or {@code null} when none runs (DNS-based restrictions then defer). */
    default DnsResolver dns() {
        return null;
    }

    /**
     * The address rewriters registered now (the canonical bundle's, plugins'), in the order the
     * queue applies them; empty when none.
     */
    default List<AddressRewriter> rewriters() {
        return List.of();
    }

    /**
     * The alias resolvers registered now (aliases(5)), highest ranking first, which make local
     * names valid recipients; empty when none.
     */
    default List<AddressResolver> resolvers() {
        return List.of();
    }

    /** The anvil rate counters shared by the handler's sessions, or {@code null} for none (no rate limits). */
    default AnvilTable anvil() {
        return null;
    }

    /** The plugin policies (io.tegami.api.smtp) registered now, by restriction name. */
    default PolicyServices policies() {
        return new PolicyServices();
    }
}
