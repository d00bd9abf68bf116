package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code postconf} and {@code postfix check/status/start/reload/stop} against the installed
 * distribution, through {@code bin/tegami-ctl} as a script would run them: Postfix's output
 * shapes, and the exit statuses scripts test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostfixCommandsIT {

    private static final String SCRIPT = "postfix/postfix-script: ";

    private TestHome ports;
    private InstalledTegami tegami;
    private Path mainCf;

    @BeforeAll
    void startServer() throws Exception {
        ports = TestHome.create("postfixcmds", "myhostname = mx.example.com", "nobody_reads_this = 1");
        tegami = InstalledTegami.install(ports);
        mainCf = ports.home.resolve("configs/tegami.main.cfg");
        Processes.Result started = tegami.tegami("start");
        assertEquals(0, started.exitCode(), started.toString());
        assertEquals(0, tegami.ctl("useradd", "alice", "secret").exitCode());
    }

    @AfterAll
    void stopServer() throws Exception {
        if (tegami != null) {
            tegami.tegami("stop"); // already stopped by postfix stop, normally: "not running", exit 0
        }
    }

    @Test
    @Order(1)
    void postconfShowsEveryComponentsDefaults() throws Exception {
        Processes.Result d = tegami.ctl("postconf", "-d");
        assertEquals(0, d.exitCode(), d.toString());
        // One parameter from each defaults table of the config bundle.
        for (String name : List.of("myhostname", "smtp_connect_timeout", "always_add_missing_headers",
                "smtpd_delay_reject", "smtpd_forbid_unauth_pipelining", "lda_mailbox_autocreate",
                "sieve_max_redirects", "mail_location", "imap_max_line_length")) {
            assertTrue(d.stdout().contains("\n" + name + " = ") || d.stdout().startsWith(name + " = "), name);
        }
        assertEquals("", d.stderr(), "postconf -d does not read the configuration file");
    }

    @Test
    @Order(2)
    void unusedAndUnknownParametersAreWarnedAboutAsPostfixDoes() throws Exception {
        Processes.Result n = tegami.ctl("postconf", "-n");
        assertEquals(0, n.exitCode(), n.toString());
        assertTrue(n.stdout().contains("myhostname = mx.example.com\n"), n.stdout());
        assertFalse(n.stdout().contains("nobody_reads_this"), n.stdout());
        assertEquals("postconf: warning: " + mainCf + ": unused parameter: nobody_reads_this=1\n", n.stderr());

        Processes.Result named = tegami.ctl("postconf", "-h", "myhostname", "no_such_parameter");
        assertEquals(0, named.exitCode(), named.toString());
        assertEquals("mx.example.com\n", named.stdout());
        assertTrue(named.stderr().startsWith("postconf: warning: no_such_parameter: unknown parameter\n"), named.stderr());
    }

    @Test
    @Order(3)
    void listenersInMasterCfForm() throws Exception {
        Processes.Result all = tegami.ctl("postconf", "-M");
        assertEquals(0, all.exitCode(), all.toString());
        assertTrue(all.stdout().contains("smtp       inet  n       -       n       -       -       smtpd "
                + "-o address=127.0.0.1 -o port=" + ports.smtpPort + " -o tls=starttls\n"), all.stdout());
        Processes.Result one = tegami.ctl("postconf", "-M", "submission/inet");
        assertEquals("submission inet  n       -       n       -       -       smtpd -o address=127.0.0.1 -o port="
                + ports.submissionPort + " -o tls=starttls -o smtpd_tls_security_level=encrypt\n", one.stdout());
        Processes.Result none = tegami.ctl("postconf", "-M", "nosuch/inet");
        assertEquals(new Processes.Result(0, "", "postconf: warning: unmatched request: \"nosuch/inet\"\n"), none);
    }

    @Test
    @Order(4)
    void checkPassesOnTheInstalledTree() throws Exception {
        Processes.Result check = tegami.ctl("postfix", "check");
        assertEquals(0, check.exitCode(), check.toString());
        assertFalse(check.stderr().contains("error:"), check.stderr());
    }

    @Test
    @Order(5)
    void checkFailsOnBadValuesAndOnPortsHeldByOthers() throws Exception {
        assertEquals(0, tegami.ctl("postconf", "-e", "message_size_limit=10x").exitCode());
        try (ServerSocket other = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Path extra = ports.home.resolve("configs/tegami.listener-extra.cfg");
            Files.writeString(extra, "name = extra\nprotocol = smtp\naddress = 127.0.0.1\nport = "
                    + other.getLocalPort() + "\n");
            Processes.Result reload = tegami.ctl("postfix", "reload");
            assertEquals(new Processes.Result(0, "", SCRIPT + "refreshing the Postfix mail system\n"), reload);

            Processes.Result check = tegami.ctl("postfix", "check");
            assertEquals(1, check.exitCode(), check.toString());
            assertTrue(check.stderr().contains(SCRIPT + "error: bad numerical configuration: message_size_limit = 10x\n"),
                    check.stderr());
            assertTrue(check.stderr().contains(SCRIPT + "error: listener extra: 127.0.0.1:" + other.getLocalPort()
                    + ": in use by another program\n"), check.stderr());
            assertTrue(check.stderr().endsWith(SCRIPT + "fatal: Postfix integrity check failed!\n"), check.stderr());

            Files.delete(extra);
        }
        assertEquals(0, tegami.ctl("postconf", "-X", "message_size_limit").exitCode());
        assertEquals(0, tegami.ctl("postfix", "reload").exitCode());
        Processes.Result master = tegami.ctl("postconf", "-M", "extra");
        assertEquals("postconf: warning: unmatched request: \"extra\"\n", master.stderr(), "reload dropped the listener");
        Processes.Result check = tegami.ctl("postfix", "check");
        assertEquals(0, check.exitCode(), check.toString());
    }

    @Test
    @Order(6)
    void reloadAppliesAFileEditAtOnce() throws Exception {
        Files.writeString(mainCf, "smtpd_banner = $myhostname ESMTP reloaded\n", StandardOpenOption.APPEND);
        assertEquals(0, tegami.ctl("postfix", "reload").exitCode());
        Processes.Result banner = tegami.ctl("postconf", "-h", "smtpd_banner");
        assertEquals("$myhostname ESMTP reloaded\n", banner.stdout());
        try (SmtpClient smtp = new SmtpClient(ports.smtpPort)) {
            String greeting = smtp.replyLine();
            assertTrue(greeting.startsWith("220 mx.example.com ESMTP reloaded"), greeting);
        }
    }

    @Test
    @Order(7)
    void statusStartAndHelp() throws Exception {
        Processes.Result status = tegami.ctl("postfix", "status");
        assertEquals(new Processes.Result(0, "", SCRIPT + "the Postfix mail system is running: PID: " + tegami.pid() + "\n"),
                status);
        Processes.Result start = tegami.ctl("postfix", "start");
        assertEquals(1, start.exitCode(), start.toString());
        assertEquals(SCRIPT + "fatal: the Postfix mail system is already running\n", start.stderr());
        Processes.Result help = tegami.ctl("postfix", "--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.stdout().startsWith("usage: postfix [-Dv] command\n"), help.stdout());
        Processes.Result postconfHelp = tegami.ctl("postconf", "--help");
        assertEquals(0, postconfHelp.exitCode(), postconfHelp.toString());
        assertTrue(postconfHelp.stdout().startsWith("usage: postconf "), postconfHelp.stdout());
    }

    @Test
    @Order(8)
    void stopEndsTheProcess() throws Exception {
        long pid = tegami.pid();
        Processes.Result stop = tegami.ctl("postfix", "stop");
        assertEquals(new Processes.Result(0, "", SCRIPT + "stopping the Postfix mail system\n"), stop);
        long deadline = System.currentTimeMillis() + 60_000;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(System.currentTimeMillis() < deadline, "process " + pid + " still alive after postfix stop");
            Thread.sleep(100);
        }
        assertTrue(tegami.log().contains("stopping the Postfix mail system"), "logged as postfix-script would");
    }
}
