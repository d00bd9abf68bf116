package io.tegami.imap.session;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.LoginRegistry;
import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.store.MailStore;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;
import io.tegami.imap.fetch.FetchDataSource;
import io.tegami.imap.search.SearchEngine;

/**
 * What sessions need from the handler: the services bound now (any of them may be null while a
 * bundle is swapped), and the handler-wide helpers.
 */
public interface ImapServices {

    /** The parameters, or null while the config bundle is away. */
    MailParameters parameters();

    /** The user directory, or null. */
    UserDirectory users();

    /** The auth penalty, or null. */
    AuthPenalty penalty();

    /** The SASL mechanisms registered now, by upper-case name. */
    Map<String, SaslMechanism> mechanisms();

    /** The store that holds {@code user}'s mail (by the prefix of its mail location), or null if not bound. */
    MailStore store(User user);

    /** The store type a user's mail location names ({@code maildir}), for log lines. */
    String storeType(User user);

    /** The logged-in sessions of every protocol (mail_max_userip_connections, doveadm who/kick), or null. */
    LoginRegistry logins();

    /** Runs IDLE notifications and checks. */
    ScheduledExecutorService scheduler();

    /** Reads message structure and sections for FETCH. */
    FetchDataSource fetchData();

    /** Evaluates SEARCH keys. */
    SearchEngine searchEngine();

    /** The clock (INTERNALDATE of APPEND without a date, log durations). */
    Clock clock();
}
