package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.LoginInfo;
import io.tegami.api.net.LoginRegistry;

/** Dovecot's anvil rules: counted per protocol, client IP and exact user name. */
class LoginTableTest {

    private final LoginTable table = new LoginTable();
    private final List<String> kicked = new ArrayList<>();
    private int ids;

    private Optional<LoginRegistry.Login> login(String user, String protocol, String ip, int max) {
        String id = "s" + (++ids);
        LoginInfo info = new LoginInfo(user, protocol, protocol, id, new InetSocketAddress(ip, 40000 + ids),
                new InetSocketAddress("127.0.0.1", 143), Instant.EPOCH.plusSeconds(ids));
        return table.add(info, max, () -> kicked.add(id));
    }

    @Test
    void theLimitCountsPerProtocolIpAndExactUserName() throws Exception {
        assertTrue(login("alice", "imap", "192.0.2.1", 2).isPresent());
        Optional<LoginRegistry.Login> second = login("alice", "imap", "192.0.2.1", 2);
        assertTrue(second.isPresent());
        assertFalse(login("alice", "imap", "192.0.2.1", 2).isPresent(), "the third from the same IP");
        assertEquals(2, table.count("imap", InetAddress.getByName("192.0.2.1"), "alice"), "a refusal takes no slot");
        assertTrue(login("alice", "pop3", "192.0.2.1", 2).isPresent(), "POP3 is counted apart");
        assertTrue(login("alice", "imap", "192.0.2.2", 2).isPresent(), "another IP");
        assertTrue(login("Alice", "imap", "192.0.2.1", 2).isPresent(), "user names are case-sensitive");
        second.get().close();
        second.get().close();
        assertEquals(1, table.count("imap", InetAddress.getByName("192.0.2.1"), "alice"), "closing twice gives one slot");
        assertTrue(login("alice", "imap", "192.0.2.1", 2).isPresent());
    }

    @Test
    void zeroMeansNoLimit() {
        for (int i = 0; i < 50; i++) {
            assertTrue(login("bob", "imap", "192.0.2.1", 0).isPresent());
        }
        assertEquals(50, table.list().size());
    }

    @Test
    void listedOldestFirstAndKickedThroughTheirSessions() {
        LoginRegistry.Login a = login("alice", "imap", "192.0.2.1", 10).orElseThrow();
        login("bob", "pop3", "192.0.2.1", 10);
        login("alice", "pop3", "192.0.2.9", 10);
        assertEquals(List.of("s1", "s2", "s3"), table.list().stream().map(LoginInfo::sessionId).toList());

        List<LoginInfo> out = table.kick(l -> l.user().equals("alice"));
        assertEquals(List.of("s1", "s3"), out.stream().map(LoginInfo::sessionId).toList());
        assertEquals(List.of("s1", "s3"), kicked);
        assertEquals(3, table.list().size(), "sessions leave when they close, not when kicked");
        a.close();
        assertEquals(List.of("s2", "s3"), table.list().stream().map(LoginInfo::sessionId).toList());
    }

    @Test
    void sessionsThatCannotBeReachedAreNotReportedKicked() {
        LoginInfo info = new LoginInfo("carol", "imap", "imap", "x", new InetSocketAddress("192.0.2.1", 1),
                new InetSocketAddress("127.0.0.1", 143), Instant.EPOCH);
        table.add(info, 0, null);
        assertEquals(List.of(), table.kick(l -> true));
        assertEquals(1, table.list().size());
    }
}
