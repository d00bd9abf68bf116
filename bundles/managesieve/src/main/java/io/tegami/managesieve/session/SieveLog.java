package io.tegami.managesieve.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.net.Connection;
import io.tegami.api.sasl.DovecotLogFields;

/**
 * The ManageSieve server's log lines in Dovecot's shapes (managesieve-login before login,
 * managesieve(user) after), so that fail2ban's dovecot filter and readers who know Dovecot find
 * what they expect: {@code managesieve-login: Login: user=<alice>, method=PLAIN, rip=127.0.0.1,
 * lip=127.0.0.1, mpid=1234, TLS, session=<...>}, {@code managesieve-login: Disconnected (auth
 * failed, 1 attempts in 2 secs): user=<alice>, ...}, {@code managesieve(alice): Disconnected:
 * Logged out bytes=120/345}.
 */
public final class SieveLog {

    private static final Logger LOGIN = LoggerFactory.getLogger("io.tegami.managesieve.managesieve-login");
    private static final Logger SIEVE = LoggerFactory.getLogger("io.tegami.managesieve.managesieve");

    private SieveLog() {
    }

    /** The {@code rip=..., lip=..., TLS, session=<...>} part; {@code mpid=} only for a login. */
    public static String connectionFields(Connection c, boolean withPid) {
        return DovecotLogFields.connection(c, withPid);
    }

    /** {@code managesieve-login: Login: user=<alice>, method=PLAIN, rip=..., lip=..., mpid=..., TLS, session=<...>}. */
    public static String formatLogin(String user, String method, Connection c) {
        return DovecotLogFields.login("managesieve", user, method, c);
    }

    public static void login(String line) {
        LOGIN.info(line);
    }

    /** A pre-login line: {@code managesieve-login: ...}. */
    public static void preLogin(String text) {
        LOGIN.info("managesieve-login: " + text);
    }

    /** {@code Disconnected (auth failed, 1 attempts in 2 secs): REASON: user=<bob>, rip=...}. */
    public static void preLoginDisconnect(String reason, int attempts, long secs, String user, Connection c) {
        String why = attempts == 0 ? "no auth attempts in " + secs + " secs"
                : "auth failed, " + attempts + " attempts in " + secs + " secs";
        String text = reason.startsWith("Disconnected: ") ? reason.substring("Disconnected: ".length()) : reason;
        preLogin("Disconnected (" + why + "): " + text + ": user=<" + printable(user) + ">, " + connectionFields(c, false));
    }

    /** A line of a logged-in session: {@code managesieve(alice): ...}. */
    public static void user(String user, String text) {
        SIEVE.info("managesieve(" + printable(user) + "): " + text);
    }

    /** A warning of a logged-in session. */
    public static void userWarn(String user, String text) {
        SIEVE.warn("managesieve(" + printable(user) + "): " + text);
    }

    public static void warn(String format, Object... args) {
        SIEVE.warn(format, args);
    }

    /** Control characters become {@code ?}; long values are cut ({@link DovecotLogFields#printable}). */
    public static String printable(String text) {
        return DovecotLogFields.printable(text);
    }
}
