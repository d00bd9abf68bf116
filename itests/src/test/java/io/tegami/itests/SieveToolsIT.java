package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code sieve-test} and {@code sievec} from an OS shell through {@code bin/tegami-ctl} against
 * the running distribution, compared with what Pigeonhole's tools (Debian's dovecot-sieve) print
 * for the same files; paths are relative to Tegami's home.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SieveToolsIT {

    private static final String MESSAGE = "Return-Path: <alice@example.com>\n"
            + "From: Alice Example <alice@example.com>\n"
            + "To: Bob <bob+lists@example.org>, carol@example.net\n"
            + "Subject: Tegami release\n"
            + "Message-ID: <1234@example.com>\n"
            + "\n"
            + "Hello Bob,\n";

    private TestHome ports;
    private InstalledTegami tegami;

    @BeforeAll
    void startServer() throws Exception {
        ports = TestHome.create("sievetools");
        tegami = InstalledTegami.install(ports);
        Path scripts = Files.createDirectories(ports.home.resolve("scripts"));
        Files.writeString(scripts.resolve("test.sieve"), "require [\"envelope\", \"fileinto\", \"variables\", \"imap4flags\"];\n"
                + "if envelope :matches \"from\" \"*\" { fileinto \"from-${1}\"; }\n"
                + "if header :contains \"subject\" \"release\" { addflag \"\\\\Flagged\"; keep; }\n");
        Files.writeString(scripts.resolve("broken.sieve"), "require \"fileinto\";\nif keep { fileinto \"x\"; }\n");
        Files.writeString(ports.home.resolve("message.eml"), MESSAGE);
        Processes.Result started = tegami.tegami("start");
        assertEquals(0, started.exitCode(), started.toString());
    }

    @AfterAll
    void stopServer() throws Exception {
        if (tegami != null) {
            Processes.Result stopped = tegami.tegami("stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    @Test
    void sieveTestPrintsPigeonholesActions() throws Exception {
        // Pigeonhole's sieve-test printed exactly this for these files.
        String expected = "\nPerformed actions:\n\n"
                + " * store message in folder: from-alice@example.com\n"
                + " * store message in folder: INBOX\n"
                + "        + add IMAP flags: \\flagged\n"
                + "\nImplicit keep:\n\n  (none)\n\n";
        Processes.Result run = tegami.ctl("sieve-test", "scripts/test.sieve", "message.eml");
        assertEquals(new Processes.Result(0, expected, "sieve-test: Info: final result: success\n"), run);

        Processes.Result withSender = tegami.ctl("sieve-test", "scripts/test.sieve", "message.eml", "-f", "dave@example.net");
        assertEquals(0, withSender.exitCode(), withSender.toString());
        assertTrue(withSender.stdout().contains(" * store message in folder: from-dave@example.net\n"), withSender.stdout());
    }

    @Test
    void sievecIsSilentForAGoodScriptAndFailsWithTheErrorLine() throws Exception {
        assertEquals(new Processes.Result(0, "", ""), tegami.ctl("sievec", "scripts/test.sieve"));
        Processes.Result broken = tegami.ctl("sievec", "scripts/broken.sieve");
        assertEquals(new Processes.Result(89, "", "broken: line 2: error: attempted to use command 'keep' as test.\n"
                + "broken: error: validation failed.\n"
                + "sievec: Fatal: failed to compile sieve script 'scripts/broken.sieve'\n"), broken);
    }

    @Test
    void errorsAndHelp() throws Exception {
        Processes.Result missing = tegami.ctl("sieve-test", "scripts/test.sieve", "nope.eml");
        assertEquals(89, missing.exitCode(), missing.toString()); // Dovecot's i_fatal() status
        assertTrue(missing.stderr().matches("sieve-test: Fatal: Can't open delivery mail as raw \\(file=/\\S*/nope\\.eml\\): "
                + "Mailbox doesn't exist: /\\S*/nope\\.eml\n"), missing.stderr());
        assertEquals("", missing.stdout());
        Processes.Result help = tegami.ctl("sieve-test", "--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.stdout().startsWith("Usage: sieve-test "), help.stdout());
        Processes.Result sievecHelp = tegami.ctl("sievec", "-h");
        assertTrue(sievecHelp.stdout().startsWith("Usage: sievec <script-file> [<out-file>]\n"), sievecHelp.stdout());
    }
}
