package io.tegami.pop3.session;

import java.util.Map;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.LoginRegistry;
import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.store.MailStore;
import io.tegami.api.user.UserDirectory;
import io.tegami.pop3.maildrop.MaildropLocks;

/**
 * The services a POP3 session uses, as they are bound right now. Any of them but the lock table
 * may be {@code null} at any moment (its bundle stopped); sessions read each once per use.
 */
public interface Pop3Services {

    /** The main parameters, or {@code null} while the configuration bundle is away. */
    MailParameters parameters();

    /** The user directory, or {@code null}. */
    UserDirectory users();

    /** The registered SASL mechanisms by upper-case name, in preference order. */
    Map<String, SaslMechanism> mechanisms();

    /** The shared auth penalty, or {@code null} (a fixed delay is used then). */
    AuthPenalty penalty();

    /** The bound store of a type ({@code maildir}, {@code mbox}), or {@code null}. */
    MailStore store(String type);

    /** The logged-in sessions of every protocol (mail_max_userip_connections, doveadm who/kick), or {@code null}. */
    LoginRegistry logins();

    /** The POP3 session locks, shared by every session of the handler. */
    MaildropLocks locks();
}
