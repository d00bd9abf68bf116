package io.tegami.imap.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.sasl.DovecotLogFields;

/**
 * The IMAP server's log lines in Dovecot's shapes, so that fail2ban's dovecot filter and log
 * readers that know Dovecot work: {@code imap-login: Login: user=<alice>, method=PLAIN,
 * rip=127.0.0.1, lip=127.0.0.1, mpid=1234, TLS, session=<...>} before login, and
 * {@code imap(alice): Logged out in=.. out=..} after.
 */
public final class ImapLog {

    private static final Logger LOGIN = LoggerFactory.getLogger("io.tegami.imap.imap-login");
    private static final Logger IMAP = LoggerFactory.getLogger("io.tegami.imap.imap");
    private static final long PID = ProcessHandle.current().pid();

    private ImapLog() {
    }

    /** The {@code rip=..., lip=..., TLS, session=<...>} part. */
    public static String connectionFields(String rip, String lip, boolean tls, String sessionId) {
        return "rip=" + rip + ", lip=" + lip + (tls ? ", TLS" : "") + ", session=<" + sessionId + ">";
    }

    /** {@code imap-login: Login: user=<alice>, method=PLAIN, rip=..., lip=..., mpid=..., TLS, session=<...>}. */
    public static String formatLogin(String user, String method, String rip, String lip, boolean tls, String sessionId) {
        return "imap-login: Login: user=<" + printable(user) + ">, method=" + method + ", rip=" + rip + ", lip=" + lip
                + ", mpid=" + PID + (tls ? ", TLS" : "") + ", session=<" + sessionId + ">";
    }

    /** {@code Disconnected (no auth attempts in 3 secs): user=<>, rip=...} or {@code (auth failed, 2 attempts in 9 secs)}. */
    public static String formatPreLoginDisconnect(int attempts, long seconds, String user, String method, String fields) {
        if (attempts == 0) {
            return "Disconnected (no auth attempts in " + seconds + " secs): user=<>, " + fields;
        }
        return "Disconnected (auth failed, " + attempts + " attempts in " + seconds + " secs): user=<" + printable(user)
                + ">, method=" + method + ", " + fields;
    }

    public static void login(String line) {
        LOGIN.info(line);
    }

    /** A pre-login line: {@code imap-login: ...}. */
    public static void preLogin(String text) {
        LOGIN.info("imap-login: " + text);
    }

    /** A line of a logged-in session: {@code imap(alice): ...}. */
    public static void user(String user, String text) {
        IMAP.info("imap(" + printable(user) + "): " + text);
    }

    /** A warning of a logged-in session. */
    public static void userWarn(String user, String text) {
        IMAP.warn("imap(" + printable(user) + "): " + text);
    }

    public static void warn(String format, Object... args) {
        IMAP.warn(format, args);
    }

    public static void debug(String format, Object... args) {
        IMAP.debug(format, args);
    }

    /** Control characters become {@code ?}; long values are cut, as Dovecot's str_sanitize does. */
    public static String printable(String text) {
        return DovecotLogFields.printable(text);
    }
}
