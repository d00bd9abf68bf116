package io.tegami.webconsole;

import static io.tegami.webconsole.Html.escape;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.tegami.api.net.LoginInfo;

/**
 * The "Logged in" page's HTML: one row per logged-in session, like {@code doveadm who -1} (user,
 * protocol, session id where Dovecot shows a pid, client IP) with the listener, local address and
 * login time added. Every value is escaped.
 */
final class LoginsPage {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    LoginsPage(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The page content.
     *
     * @param logins the sessions, oldest login first; null when no login registry is running
     * @param now the time the page is made, for the sessions' durations
     */
    String render(List<LoginInfo> logins, Instant now) {
        StringBuilder out = new StringBuilder(512);
        if (logins == null) {
            return out.append("<p class=\"statline ui-state-error\">No login registry is running (is the net bundle started?)</p>\n")
                    .toString();
        }
        out.append("<p class=\"statline\">").append(logins.size()).append(logins.size() == 1 ? " session" : " sessions")
                .append(" logged in</p>\n")
                .append("<table class=\"nicetable\" id=\"tegami-logins\">\n<thead><tr><th>User</th><th>Protocol</th>"
                        + "<th>Listener</th><th>Session</th><th>Client IP</th><th>Local address</th><th>Since</th>"
                        + "<th>Duration</th></tr></thead>\n<tbody>\n");
        for (LoginInfo l : logins) {
            out.append("<tr><td>").append(escape(l.user())).append("</td><td>").append(escape(l.protocol()))
                    .append("</td><td>").append(escape(l.listener())).append("</td><td>").append(escape(l.sessionId()))
                    .append("</td><td>").append(escape(ip(l.remote()))).append("</td><td>").append(escape(address(l.local())))
                    .append("</td><td>").append(escape(SINCE.format(l.since().atZone(zone)))).append("</td><td>")
                    .append(escape(duration(Duration.between(l.since(), now)))).append("</td></tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static String ip(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        return ip == null ? a.getHostString() : ip.getHostAddress();
    }

    private static String address(InetSocketAddress a) {
        String ip = ip(a);
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + a.getPort();
    }

    /** {@code 1:02:03}, or {@code 2d 1:02:03}; negative (clock skew) counts as zero. */
    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        String hms = String.format("%d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
        return s >= 86_400 ? (s / 86_400) + "d " + hms : hms;
    }
}
