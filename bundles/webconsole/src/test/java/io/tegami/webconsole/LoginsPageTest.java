package io.tegami.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.LoginInfo;

class LoginsPageTest {

    private static final Instant SINCE = Instant.parse("2026-11-28T10:00:00Z");

    static LoginInfo login(String user, String listener, String ip) {
        return new LoginInfo(user, "imap", listener, "Aw5Yx1Jd", new InetSocketAddress(ip, 51234),
                new InetSocketAddress("127.0.0.1", 2143), SINCE);
    }

    @Test
    void oneRowPerSessionLikeDoveadmWhoMinusOne() {
        String html = new LoginsPage(ZoneOffset.UTC).render(List.of(login("alice", "imap", "192.0.2.7")),
                SINCE.plusSeconds(3723));
        assertTrue(html.contains("1 session logged in"), html);
        assertTrue(html.contains("<tr><td>alice</td><td>imap</td><td>imap</td><td>Aw5Yx1Jd</td><td>192.0.2.7</td>"
                + "<td>127.0.0.1:2143</td><td>2026-11-28 10:00:00</td><td>1:02:03</td></tr>"), html);
    }

    @Test
    void userNamesAreEscapedAndIpv6IsBracketedInAddresses() {
        LoginInfo l = new LoginInfo("<img src=x onerror=alert(1)>", "pop3", "pop3s", "s1",
                new InetSocketAddress("::1", 1), new InetSocketAddress("::1", 2995), SINCE);
        String html = new LoginsPage(ZoneOffset.UTC).render(List.of(l, l), SINCE);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("<td>[0:0:0:0:0:0:0:1]:2995</td>"), html);
        assertTrue(html.contains("2 sessions logged in"), html);
    }

    @Test
    void withoutARegistryThePageSaysSo() {
        assertTrue(new LoginsPage(ZoneOffset.UTC).render(null, SINCE).contains("No login registry is running"));
    }

    @Test
    void durations() {
        assertEquals("0:00:00", LoginsPage.duration(Duration.ofSeconds(-5)));
        assertEquals("0:00:59", LoginsPage.duration(Duration.ofSeconds(59)));
        assertEquals("2d 1:00:01", LoginsPage.duration(Duration.ofDays(2).plusHours(1).plusSeconds(1)));
    }
}
