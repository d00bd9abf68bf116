package io.tegami.api.sasl;

import io.tegami.api.net.Connection;

/**
 * The parts of Dovecot's login log lines that every protocol shares, so that fail2ban's dovecot
 * filter and admins who know Dovecot's log read Tegami's the same way:
 * {@code pop3-login: Login: user=<alice>, method=PLAIN, rip=127.0.0.1, lip=127.0.0.1, mpid=1234,
 * TLS, session=<...>}.
 *
 * @since 1.2
 */
public final class DovecotLogFields {

    private static final long PID = ProcessHandle.current().pid();

    private DovecotLogFields() {
    }

    /**
     * The {@code rip=..., lip=..., [mpid=...,] TLS|secured, session=<...>} part of a line;
     * {@code mpid=} only for a login, as Dovecot writes it.
     */
    public static String connection(Connection c, boolean withPid) {
        String rip = c.remoteAddress() == null || c.remoteAddress().getAddress() == null ? "?"
                : c.remoteAddress().getAddress().getHostAddress();
        String lip = c.localAddress() == null || c.localAddress().getAddress() == null ? "?"
                : c.localAddress().getAddress().getHostAddress();
        String security = c.isSecure() ? ", TLS" : SaslOffer.isSecured(c) ? ", secured" : "";
        return "rip=" + rip + ", lip=" + lip + (withPid ? ", mpid=" + PID : "") + security + ", session=<" + c.id() + ">";
    }

    /** {@code SERVICE-login: Login: user=<alice>, method=PLAIN, rip=..., lip=..., mpid=..., TLS, session=<...>}. */
    public static String login(String service, String user, String method, Connection c) {
        return service + "-login: Login: user=<" + printable(user) + ">, method=" + method + ", " + connection(c, true);
    }

    /** Control characters become {@code ?}; values over 100 characters are cut, as Dovecot's str_sanitize does. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 100));
        for (int i = 0; i < text.length() && i < 100; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > 100) {
            sb.append("...");
        }
        return sb.toString();
    }
}
