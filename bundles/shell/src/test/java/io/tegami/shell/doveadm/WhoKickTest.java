package io.tegami.shell.doveadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.Connection;
import io.tegami.api.net.LoginInfo;
import io.tegami.api.net.LoginRegistry;

/**
 * {@code doveadm who} and {@code doveadm kick}; the expected tables are what Dovecot 2.3.19's
 * doveadm printed (to a pipe) for the same users, process ids and addresses.
 */
class WhoKickTest {

    /** Logins as given, kicked ones recorded. */
    private static final class Listed implements LoginRegistry {
        final List<LoginInfo> logins = new ArrayList<>();
        final List<LoginInfo> kicked = new ArrayList<>();

        Listed add(String user, String protocol, String id, String ip) {
            logins.add(new LoginInfo(user, protocol, protocol, id, new InetSocketAddress(ip, 40000),
                    new InetSocketAddress("127.0.0.1", 143), Instant.EPOCH));
            return this;
        }

        @Override
        public Optional<Login> register(String user, Connection connection, int maxPerUserIp) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LoginInfo> logins() {
            return List.copyOf(logins);
        }

        @Override
        public List<LoginInfo> kick(Predicate<? super LoginInfo> which) {
            List<LoginInfo> chosen = logins.stream().filter(which).toList();
            kicked.addAll(chosen);
            return chosen;
        }
    }

    private final Listed registry = new Listed();
    private final Doveadm doveadm = new Doveadm(List.of(new WhoCommand(registry), new KickCommand(registry)));
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private String run(String... args) {
        bytes.reset();
        doveadm.run(Arrays.asList(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private DoveadmException fails(int exitCode, String... args) {
        DoveadmException e = assertThrows(DoveadmException.class, () -> run(args));
        assertEquals(exitCode, e.exitCode(), e.getMessage());
        return e;
    }

    @Test
    void whoAggregatesPerUserAndProtocolInDovecotsTable() {
        registry.add("alice", "pop3", "21613", "127.0.0.1").add("alice", "pop3", "21611", "127.0.0.1")
                .add("alice", "imap", "21608", "127.0.0.1").add("alice", "imap", "21604", "127.0.0.1");
        assertEquals("username # proto (pids)        (ips)                         \n"
                + "alice    2 pop3  (21613 21611) (127.0.0.1)                   \n"
                + "alice    2 imap  (21608 21604) (127.0.0.1)                   \n", run("who"));
    }

    @Test
    void columnsFollowTheWidestValue() {
        registry.add("bob", "imap", "23614", "127.0.0.1").add("alice", "pop3", "23610", "127.0.0.1")
                .add("alice", "imap", "23606", "127.0.0.1");
        assertEquals("username # proto (pids)  (ips)                            \n"
                + "bob      1 imap  (23614) (127.0.0.1)                      \n"
                + "alice    1 pop3  (23610) (127.0.0.1)                      \n"
                + "alice    1 imap  (23606) (127.0.0.1)                      \n", run("who"));
    }

    @Test
    void whoDashOneListsEveryConnection() {
        registry.add("alice", "pop3", "21613", "127.0.0.1").add("alice", "pop3", "21611", "127.0.0.1")
                .add("alice", "imap", "21608", "127.0.0.1").add("alice", "imap", "21604", "127.0.0.1");
        assertEquals("username                          proto pid   ip       \n"
                + "alice                             pop3  21613 127.0.0.1\n"
                + "alice                             pop3  21611 127.0.0.1\n"
                + "alice                             imap  21608 127.0.0.1\n"
                + "alice                             imap  21604 127.0.0.1\n", run("who", "-1"));
    }

    @Test
    void nobodyLoggedInPrintsTheTitlesOnly() {
        assertEquals("username # proto (pids) (ips)                         \n", run("who"));
        assertEquals("username                              proto pid ip\n", run("who", "-1"));
        assertEquals("username # proto (pids) (ips)                         \n", run("who", "-a", "/run/anvil", "nobody"));
    }

    @Test
    void masksSelectUsersCaseInsensitivelyAndNetworks() {
        registry.add("alice", "imap", "a1", "192.0.2.1").add("bob", "imap", "b1", "198.51.100.7")
                .add("Carol", "pop3", "c1", "::1").add("alice", "pop3", "a2", "198.51.100.9");
        assertTrue(run("who", "ALICE").contains("alice    1 imap"), bytes.toString());
        assertEquals(3, run("who", "a*").lines().count(), "title and alice's two rows");
        assertEquals(3, run("who", "198.51.100.0/24").lines().count(), "bob and alice's pop3 row");
        assertEquals(2, run("who", "c?rol").lines().count());
        assertTrue(run("who", "-1", "::1").contains("Carol") && bytes.toString().contains(" ::1\n"), bytes.toString());
        assertEquals(2, run("who", "-1", "alice", "198.51.100.0/24").lines().count(), "both masks must match");
        assertEquals("Error: Multiple username masks not supported", fails(64, "who", "x", "y").getMessage());
        assertEquals("Error: Multiple network masks not supported",
                fails(64, "who", "10.0.0.0/8", "10.0.0.1").getMessage());
        assertEquals(1, run("who", "10.0.0.0/33").lines().count(), "not a network: a user mask that matches nobody");
    }

    @Test
    void kickEndsTheMatchingSessionsAndSaysWhoseAsDovecotDoes() {
        registry.add("bob", "imap", "b1", "127.0.0.1").add("alice", "imap", "a1", "127.0.0.1")
                .add("alice", "pop3", "a2", "127.0.0.1").add("amy", "imap", "m1", "192.0.2.3");
        assertEquals("kicked connections from the following users:\nalice \n", run("kick", "alice"));
        assertEquals(List.of("a1", "a2"), registry.kicked.stream().map(LoginInfo::sessionId).toList());
        registry.kicked.clear();
        assertEquals("kicked connections from the following users:\nalice amy bob \n", run("kick", "-f", "*"));
        registry.kicked.clear();
        assertEquals("kicked connections from the following users:\namy \n", run("kick", "a*", "192.0.2.0/24"));
        assertEquals("no users kicked", fails(68, "kick", "nobody").getMessage());
        assertEquals("Error: user and/or ip[/bits] must be specified.", fails(64, "kick").getMessage());
    }

    @Test
    void withoutTheRegistryTheCommandsFailAsWithoutAnvil() {
        Doveadm bare = new Doveadm(List.of(new WhoCommand(null), new KickCommand(null)));
        DoveadmException e = assertThrows(DoveadmException.class,
                () -> bare.run(List.of("who"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertEquals(75, e.exitCode());
    }

    @Test
    void aLongNameShrinksColumnsAndOnlyTheFirstUserRowSetsTheWidths() {
        String longName = "a-very-long-user-name-that-is-far-wider-than-the-eighty-columns-of-doveadm@example.org";
        registry.add(longName, "imap", "22428", "127.0.0.1");
        assertEquals("username                                             # proto (pids) (ips)   \n"
                + longName + " 1 imap (22428) (127.0.0.1)\n", run("who"));
        registry.logins.clear();
        registry.add("bob", "imap", "21650", "127.0.0.1").add("twenty-chars-user-xx", "imap", "21648", "127.0.0.1");
        assertEquals("username # proto (pids)  (ips)                            \n"
                + "bob      1 imap  (21650) (127.0.0.1)                      \n"
                + "twenty-chars-user-xx 1 imap  (21648) (127.0.0.1)                      \n", run("who"));
        assertEquals("username                                proto pid   ip       \n"
                + "bob                                     imap  21650 127.0.0.1\n"
                + "twenty-chars-user-xx                    imap  21648 127.0.0.1\n", run("who", "-1"),
                "-1 sizes its columns from every row");
        registry.add(longName, "imap", "20598", "127.0.0.1");
        assertEquals("username                                                   proto pid  ip    \n"
                + "bob                                                        imap 21650 127.0.0.1\n"
                + "twenty-chars-user-xx                                       imap 21648 127.0.0.1\n"
                + longName + " imap 20598 127.0.0.1\n", run("who", "-1"));
    }

    @Test
    void ipv6IsWrittenShort() throws Exception {
        assertEquals("::1", IpText.of(java.net.InetAddress.getByName("::1")));
        assertEquals("2001:db8::5", IpText.of(java.net.InetAddress.getByName("2001:db8:0:0:0:0:0:5")));
        assertEquals("2001:db8:0:1::", IpText.of(java.net.InetAddress.getByName("2001:db8:0:1:0:0:0:0")));
        assertEquals("1:0:2:0:3:0:4:0", IpText.of(java.net.InetAddress.getByName("1:0:2:0:3:0:4:0")));
        assertEquals("fe80::1:0:0:1", IpText.of(java.net.InetAddress.getByName("fe80:0:0:0:1:0:0:1")));
        assertEquals("192.0.2.1", IpText.of(java.net.InetAddress.getByName("192.0.2.1")));
    }

    @Test
    void whoFollowsTheGlobalFormatter() {
        registry.add("alice", "imap", "21608", "127.0.0.1").add("alice", "imap", "21604", "127.0.0.2");
        assertEquals("username\t#\tproto\t(pids)\t(ips)\nalice\t2\timap\t(21608 21604)\t(127.0.0.1 127.0.0.2)\n",
                run("-f", "tab", "who"));
        assertEquals("username=alice proto=imap pid=21608 ip=127.0.0.1\nusername=alice proto=imap pid=21604 ip=127.0.0.2\n",
                run("-f", "flow", "who", "-1"));
    }

    @Test
    void whoAndKickHaveHelp() {
        assertTrue(run("who", "--help").contains("\n\nLists the logged-in users"));
        assertTrue(run("kick", "-h").contains("\n\nDisconnects the sessions"));
    }
}
