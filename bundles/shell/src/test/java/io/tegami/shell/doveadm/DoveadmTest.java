package io.tegami.shell.doveadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.shell.fakes.GogoFixture;

/** doveadm's subcommands, with Dovecot 2.3's output taken from real doveadm runs. */
class DoveadmTest {

    private final FakeSchemes schemes = new FakeSchemes();
    private final FakeDirectory directory = new FakeDirectory()
            .add("alice", "secret", 1000, "/home/alice",
                    Map.of("userdb_mail", "maildir:~/Mail", "quota_rule", "*:storage=1G"))
            .add("dave", "secret", -1, "/srv/dave", Map.of("userdb_home", "/srv/dave"))
            .add("erin", "x", 1002, "/home/erin",
                    Map.of("userdb_quota_rule", "*:storage=2G", "userdb_mail", "mbox:~/mail", "allow_nets", "local"));
    private final MapMailParameters params = new MapMailParameters(Path.of("/t"),
            Map.of("mail_location", "maildir:~/Maildir"));
    private final Doveadm doveadm = new Doveadm(List.of(new PwCommand(schemes), new AuthTestCommand(directory),
            new UserCommand(directory, params)));
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private String run(String... args) {
        bytes.reset();
        doveadm.run(Arrays.asList(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs a failing command: the exception, with what it printed before failing in {@link #bytes}. */
    private DoveadmException fails(int exitCode, String message, String... args) {
        DoveadmException e = assertThrows(DoveadmException.class, () -> run(args));
        assertEquals(exitCode, e.exitCode(), e.getMessage());
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
        return e;
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pwGeneratesWithTheDefaultOrTheGivenScheme() {
        assertEquals("{ROT}terces\n", run("pw", "-p", "secret"));
        assertEquals("{PLAIN}secret\n", run("pw", "-s", "plain", "-p", "secret"));
        assertEquals("{PLAIN}secret\n", run("pw", "-splain", "-psecret"), "clustered values");
        run("pw", "-r", "8", "-u", "alice@example.com", "-p", "x");
        assertEquals(8, schemes.lastRounds);
        assertEquals("alice@example.com", schemes.lastUser);
        assertEquals("ROT PLAIN \n", run("pw", "-l"), "doveadm pw -l: names each followed by a space");
        assertEquals("{ROT}terces (verified)\n", run("pw", "-V", "-p", "secret"));
    }

    @Test
    void pwTestsHashesLikeDoveadm() {
        assertEquals("{ROT}terces (verified)\n", run("pw", "-t", "{ROT}terces", "-p", "secret"));
        assertEquals("{rot}terces (verified)\n", run("pw", "-t", "{rot}terces", "-p", "secret"), "shown as given");
        assertEquals("{MD5-CRYPT}$1$4kyALBDM$AIQjnqDe.lvCd1oAsr2QL0 (verified)\n",
                run("pw", "-t", "$1$4kyALBDM$AIQjnqDe.lvCd1oAsr2QL0$junk", "-p", "secret"));
        fails(75, "Fatal: reverse password verification check failed: Password mismatch",
                "pw", "-t", "{ROT}terces", "-p", "wrong");
        assertEquals("", printed());
        fails(75, "Fatal: Missing {scheme} prefix from hash", "pw", "-t", "terces", "-p", "secret");
        fails(75, "Fatal: reverse decode check failed: Unknown scheme", "pw", "-t", "{NOPE}x", "-p", "secret");
        fails(75, "Fatal: reverse decode check failed: Input length isn't valid (3 instead of 20)",
                "pw", "-t", "{SHA}YWJj", "-p", "secret");
        fails(75, "Fatal: reverse password verification check failed: SSHA password is too short",
                "pw", "-t", "{SSHA}YWJj", "-p", "secret");
    }

    @Test
    void pwCommandLineErrors() {
        fails(75, "Fatal: Unknown scheme: NOPE", "pw", "-s", "nope", "-p", "x");
        fails(75, "Fatal: Invalid number of rounds: many", "pw", "-r", "many", "-p", "x");
        DoveadmException e = fails(64, null, "pw", "-p");
        assertTrue(e.getMessage().startsWith("pw: option requires an argument -- 'p'\nusage: doveadm pw [-l]"));
        e = fails(64, null, "pw", "-x");
        assertTrue(e.getMessage().startsWith("pw: invalid option -- 'x'"), e.getMessage());
        e = fails(64, null, "pw", "-p", "x", "extra");
        assertTrue(e.getMessage().startsWith("Error: Extraneous arguments found: extra"), e.getMessage());
        e = fails(64, null, "pw", "-s", "PLAIN");
        assertTrue(e.getMessage().contains("-p"), "says how to give the password: " + e.getMessage());
    }

    @Test
    void authTestPrintsTheResultAndExtraFields() {
        assertEquals("""
                passdb: alice auth succeeded
                extra fields:
                  user=alice
                  quota_rule=*:storage=1G
                """, run("auth", "test", "alice", "secret"));
        assertNull(directory.lastClient, "no -x rip: the address is unknown");
        fails(77, null, "auth", "test", "alice", "wrong");
        assertEquals("passdb: alice auth failed\nextra fields:\n  user=alice\n", printed());
        fails(77, null, "auth", "test", "nobody", "secret");
        assertEquals("passdb: nobody auth failed\nextra fields:\n  user=nobody\n", printed());
        assertEquals("passdb: erin auth succeeded\nextra fields:\n  user=erin\n",
                run("auth", "test", "-x", "rip=192.0.2.7", "erin", "x"), "allow_nets is consumed, userdb_ fields are not passdb's");
        assertEquals("192.0.2.7", directory.lastClient.getHostAddress());
        run("auth", "test", "-x", "service=imap", "-x", "rip=127.0.0.1", "alice", "secret");
        assertEquals("127.0.0.1", directory.lastClient.getHostAddress(), "other -x fields are ignored");
    }

    @Test
    void authTestCommandLineErrors() {
        fails(75, "Fatal: rip: Invalid ip", "auth", "test", "-x", "rip=mail.example.org", "alice", "secret");
        assertTrue(fails(64, null, "auth", "test", "alice").getMessage().contains("password"));
        fails(64, null, "auth", "test");
        directory.broken = true;
        fails(77, "Error: cannot read passwd-file data/passwd: Permission denied", "auth", "test", "alice", "secret");
        assertEquals("passdb: alice auth failed\n", printed());
        DoveadmException e = assertThrows(DoveadmException.class, () -> new Doveadm(List.of(new AuthTestCommand(null)))
                .run(List.of("auth", "test", "a", "b"), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("no user directory"), e.getMessage());
    }

    @Test
    void userPrintsTheTableOfDovecot() {
        assertEquals("field\tvalue\nuid\t1000\ngid\t1000\nhome\t/home/alice\nmail\tmaildir:~/Mail\n", run("user", "alice"));
        assertEquals("field\tvalue\nuid\t\ngid\t\nhome\t/srv/dave\nmail\tmaildir:~/Maildir\n", run("user", "dave"),
                "unset ids are empty; mail_location fills in");
        assertEquals("field\tvalue\nuid\t1002\ngid\t1002\nhome\t/home/erin\nmail\tmbox:~/mail\nquota_rule\t*:storage=2G\n",
                run("user", "erin"));
        assertEquals("/home/alice\n", run("user", "-f", "home", "alice"));
        assertEquals("""
                userdb: erin
                  user      : erin
                  uid       : 1002
                  gid       : 1002
                  home      : /home/erin
                  mail      : mbox:~/mail
                  quota_rule: *:storage=2G
                """, run("user", "-u", "erin"));
    }

    @Test
    void userReportsUnknownUsersAfterTheTableAsDovecotsBufferingDoes() {
        fails(67, null, "user", "alice", "nobody", "dave");
        assertEquals("field\tvalue\nuid\t1000\ngid\t1000\nhome\t/home/alice\nmail\tmaildir:~/Mail\n"
                + "uid\t\ngid\t\nhome\t/srv/dave\nmail\tmaildir:~/Maildir\n"
                + "\n\nuserdb lookup: user nobody doesn't exist\n\n", printed());
        fails(67, "userdb lookup: user nobody doesn't exist", "user", "-f", "mail", "nobody");
        assertEquals("", printed());
        fails(67, null, "user", "-u", "nobody");
        assertEquals("userdb lookup: user nobody doesn't exist\n", printed());
        fails(64, null, "user", "a*");
        directory.broken = true;
        fails(75, null, "user", "alice");
    }

    @Test
    void theDispatcherPicksTheLongestNameAndExplainsUnknownCommands() {
        DoveadmException e = fails(64, null, "who");
        assertTrue(e.getMessage().startsWith("doveadm: Unknown command 'who'\nusage: doveadm [-Dv] [-f <formatter>] <command> [<args>]"));
        assertTrue(e.getMessage().contains("\n  auth test [-a <auth socket path>]"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  pw [-l]"), e.getMessage());
        fails(64, null);
        fails(64, null, "auth");
        String name = Thread.currentThread().getName();
        run("pw", "-p", "secret");
        assertEquals(name, Thread.currentThread().getName(), "the thread's name is given back");
    }

    @Test
    void throughGogoFailuresCarryTheirMessage() {
        try (GogoFixture gogo = new GogoFixture().register("tegami", doveadm, "doveadm")) {
            GogoFixture.Result ok = gogo.run("doveadm pw -s PLAIN -p 'pass word'");
            assertEquals("{PLAIN}pass word\n", ok.out());
            GogoFixture.Result bad = gogo.run("doveadm pw -t '{ROT}x' -p secret");
            assertInstanceOf(DoveadmException.class, bad.failure());
            assertEquals("Fatal: reverse password verification check failed: Password mismatch", bad.failure().getMessage());
        }
    }

    @Test
    void subcommandsExplainThemselvesWithDashH() {
        assertTrue(run("pw", "-h").startsWith("usage: doveadm [-Dv] [-f <formatter>] pw [-l]"));
        assertTrue(run("auth", "test", "--help").contains("\n\nAuthenticates user"));
        assertTrue(run("user", "-h").split("\n").length > 2);
        assertEquals(run("help", "user"), run("user", "--help"));
    }
}
