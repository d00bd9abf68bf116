package io.tegami.shell.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.shell.ctl.TegamiCtlAccess;
import io.tegami.shell.fakes.FakeConfigurationAdmin;
import io.tegami.shell.fakes.FakeUserAccounts;
import io.tegami.shell.fakes.GogoFixture;
import io.tegami.shell.postconf.PostconfCommandAccess;
import io.tegami.shell.user.UserCommandsAccess;

/**
 * The whole path bin/tegami-ctl takes, with the real Gogo runtime: client quoting, socket, Gogo
 * parsing and varargs coercion, the commands' System.out routed per session, exit statuses.
 */
class GogoAdminSocketTest {

    /** A command that returns a value instead of printing, like many Felix commands. */
    public static final class Lister {
        public List<String> colors() {
            return List.of("red", "green");
        }
    }

    /** A command that reads its standard input, like sendmail. */
    public static final class Slurper {
        public void slurp() throws java.io.IOException {
            byte[] all = System.in.readAllBytes();
            System.out.println("read " + all.length + ": " + new String(all, java.nio.charset.StandardCharsets.UTF_8).strip());
        }
    }

    @TempDir
    Path home;

    private final MapMailParameters parameters = new MapMailParameters(Path.of("/opt/tegami"),
            Map.of("myhostname", "localhost", "mydestination", "$myhostname, localhost"))
            .set("myhostname", "mx.example.com");
    private final FakeConfigurationAdmin configAdmin = new FakeConfigurationAdmin();
    private final FakeUserAccounts accounts = new FakeUserAccounts();
    private GogoFixture gogo;
    private AdminSocketServer server;

    @BeforeEach
    void start() throws Exception {
        gogo = new GogoFixture()
                .register("tegami", PostconfCommandAccess.create(parameters, configAdmin), "postconf")
                .register("tegami", UserCommandsAccess.create(accounts), "useradd", "userdel", "passwd")
                .register("test", new Lister(), "colors")
                .register("test", new Slurper(), "slurp");
        server = new AdminSocketServer(home.resolve("admin.sock"), new GogoCommandExecutor(gogo.processor()),
                AdminSocketLimits.DEFAULTS);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        gogo.close();
    }

    @Test
    void postconfWithoutArguments() {
        assertResult(0, "mydestination = $myhostname, localhost\nmyhostname = mx.example.com\n", "", ctl("postconf"));
    }

    @Test
    void postconfOptionsAndNames() {
        assertResult(0, "myhostname = mx.example.com\n", "", ctl("postconf", "-n"));
        assertResult(0, "myhostname = localhost\n", "", ctl("postconf", "-d", "myhostname"));
        assertResult(0, "myhostname = mx.example.com\n", "postconf: warning: nope: unknown parameter\n",
                ctl("postconf", "myhostname", "nope"));
        // As in Postfix, an unknown name is a warning only: exit status 0.
        assertResult(0, "", "postconf: warning: nope: unknown parameter\n", ctl("postconf", "nope"));
    }

    @Test
    void postconfSetsValuesExactlyAsTyped() {
        assertResult(0, "", "", ctl("postconf", "-e", "mydestination=$myhostname, localhost.$mydomain, 'x'",
                "myhostname = mail.example.com"));
        Map<String, Object> stored = configAdmin.find("tegami.main").stored();
        assertEquals("$myhostname, localhost.$mydomain, 'x'", stored.get("mydestination"));
        assertEquals("mail.example.com", stored.get("myhostname"));
        assertEquals(List.of("tegami.main ?"), configAdmin.lookups);
    }

    @Test
    void userCommands() {
        assertResult(0, "useradd: added user 'alice'\n", "", ctl("useradd", "alice", "p$ss w0rd'\""));
        assertEquals("p$ss w0rd'\"", accounts.passwords.get("alice"));
        assertResult(1, "", "useradd: user 'alice' already exists\n", ctl("useradd", "alice", "x"));
        assertResult(0, "passwd: password updated for 'alice'\n", "", ctl("passwd", "alice", "new"));
        assertResult(0, "userdel: removed user 'alice' (mail on disk is kept)\n", "", ctl("userdel", "alice"));
        assertResult(1, "", "userdel: user 'alice' does not exist\n", ctl("userdel", "alice"));
        assertResult(1, "", "usage: useradd NAME PASSWORD\n", ctl("useradd", "bob"));
    }

    @Test
    void unknownCommandFails() {
        assertResult(1, "", "Command not found: nosuch\n", ctl("nosuch"));
    }

    @Test
    void returnedValuesArePrintedLikeTheConsoleDoes() {
        assertResult(0, "red\ngreen\n\n", "", ctl("colors"));
    }

    @Test
    void aCommandsSystemInIsTheClientsStandardInput() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = TegamiCtlAccess.run(new String[] {"-s", server.socket().toString(), "slurp"}, home,
                new java.io.ByteArrayInputStream("Subject: hi\n\nbody\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                out, err);
        assertEquals("", err.toString());
        assertEquals(0, status);
        assertEquals("read 18: Subject: hi\n\nbody\n", out.toString());
    }

    private TegamiCtlAccess.Result ctl(String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "-s";
        args[1] = server.socket().toString();
        System.arraycopy(command, 0, args, 2, command.length);
        return TegamiCtlAccess.run(Map.of(), home, args);
    }

    private static void assertResult(int status, String out, String err, TegamiCtlAccess.Result actual) {
        assertEquals(new TegamiCtlAccess.Result(status, out, err), actual);
    }
}
