package io.tegami.managesieve.session;

import java.util.Map;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.LoginRegistry;
import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.user.UserDirectory;

/**
 * The services a ManageSieve session uses, as they are bound right now. Any of them may be
 * {@code null} at any moment (its bundle stopped); sessions read each once per use.
 */
public interface SieveServices {

    /** The main parameters, or {@code null} while the configuration bundle is away. */
    MailParameters parameters();

    /** The user directory, or {@code null}. */
    UserDirectory users();

    /** The registered SASL mechanisms by upper-case name, in preference order. */
    Map<String, SaslMechanism> mechanisms();

    /** The shared auth penalty, or {@code null} (a fixed delay is used then). */
    AuthPenalty penalty();

    /** The logged-in sessions of every protocol, or {@code null}. */
    LoginRegistry logins();

    /** The Sieve engine that checks uploaded scripts, or {@code null}. */
    SieveEngine engine();
}
