package io.tegami.pop3.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.net.Connection;
import io.tegami.api.sasl.DovecotLogFields;

/**
 * The POP3 server's log lines in Dovecot's shapes, so that fail2ban's dovecot filter and readers
 * who know Dovecot's log find what they expect: {@code pop3-login: Login: user=<alice>,
 * method=PLAIN, rip=127.0.0.1, lip=127.0.0.1, mpid=1234, TLS, session=<...>} before login,
 * {@code pop3-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<alice>, ...} for a
 * client that never got in, and {@code pop3(alice): Disconnected: Logged out top=0/0,
 * retr=1/1234, del=1/1, size=1234} after.
 */
public final class Pop3Log {

    private static final Logger LOGIN = LoggerFactory.getLogger("io.tegami.pop3.pop3-login");
    private static final Logger POP3 = LoggerFactory.getLogger("io.tegami.pop3.pop3");

    private Pop3Log() {
    }

    /** The {@code rip=..., lip=..., TLS, session=<...>} part; {@code mpid=} only for a login. */
    public static String connectionFields(Connection c, boolean withPid) {
        return DovecotLogFields.connection(c, withPid);
    }

    /** {@code pop3-login: Login: user=<alice>, method=PLAIN, rip=..., lip=..., mpid=..., TLS, session=<...>}. */
    public static String formatLogin(String user, String method, Connection c) {
        return DovecotLogFields.login("pop3", user, method, c);
    }

    public static void login(String line) {
        LOGIN.info(line);
    }

    /** A pre-login line: {@code pop3-login: ...}. */
    public static void preLogin(String text) {
        LOGIN.info("pop3-login: " + text);
    }

    /** A line of a logged-in session: {@code pop3(alice): ...}. */
    public static void user(String user, String text) {
        POP3.info("pop3(" + printable(user) + "): " + text);
    }

    /** A warning of a logged-in session. */
    public static void userWarn(String user, String text) {
        POP3.warn("pop3(" + printable(user) + "): " + text);
    }

    public static void warn(String format, Object... args) {
        POP3.warn(format, args);
    }

    /** Control characters become {@code ?}; long values are cut ({@link DovecotLogFields#printable}). */
    public static String printable(String text) {
        return DovecotLogFields.printable(text);
    }
}
