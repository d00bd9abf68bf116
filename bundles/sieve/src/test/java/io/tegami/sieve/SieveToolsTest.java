package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tegami.api.config.testing.MapMailParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sieve-test and sievec against what Pigeonhole's tools print (Debian's dovecot-sieve 0.5, run
 * by hand on the same files): standard output, standard error and the final failure line.
 */
class SieveToolsTest {

    @TempDir
    Path home;

    private final SieveEngineImpl engine = SieveEngineImpl.withBundledExtensions();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private SieveTestCommand sieveTest;
    private SievecCommand sievec;

    @BeforeEach
    void setUp() throws IOException, URISyntaxException {
        MapMailParameters parameters = new MapMailParameters(home, Map.of());
        sieveTest = new SieveTestCommand(engine, parameters);
        sievec = new SievecCommand(engine, parameters);
        Path corpus = Path.of(getClass().getResource("/corpus").toURI());
        Files.createDirectories(home.resolve("scripts"));
        Files.copy(corpus.resolve("messages/plain.eml"), home.resolve("msg.eml"));
        Files.copy(corpus.resolve("address-all.sieve"), home.resolve("scripts/ok.sieve"));
        Files.copy(corpus.resolve("redirect-limit.sieve"), home.resolve("redirect-limit.sieve"));
    }

    private String sieveTest(String... args) {
        sieveTest.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private String failure(Runnable command) {
        return assertThrows(SieveToolException.class, command::run).getMessage();
    }

    private int status(Runnable command) {
        return assertThrows(SieveToolException.class, command::run).exitCode();
    }

    private void sievec(String... args) {
        sievec.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsPigeonholesActionsRelativeToHome() throws Exception {
        String expected = Files.readString(Path.of(getClass().getResource("/corpus/address-all.out").toURI()));
        assertEquals(expected, sieveTest("scripts/ok.sieve", "msg.eml", "-f", "alice@example.com"));
        assertEquals("\nPerformed actions:\n\n * store message in folder: Alice\n\nImplicit keep:\n\n  (none)\n\n", expected);
        assertEquals("sieve-test: Info: final result: success\n", stderr());
    }

    @Test
    void envelopeDefaultsComeFromTheMessageAndOptionsOverrideThem() throws Exception {
        Files.writeString(home.resolve("env.sieve"), "require [\"envelope\",\"fileinto\",\"variables\"];\n"
                + "if envelope :matches \"from\" \"*\" { fileinto \"f-${1}\"; }\n"
                + "if envelope :matches \"to\" \"*\" { fileinto \"t-${1}\"; }\n");
        // Pigeonhole's output for the same files.
        assertEquals("\nPerformed actions:\n\n * store message in folder: f-alice@example.com\n"
                + " * store message in folder: t-bob+lists@example.org\n\nImplicit keep:\n\n  (none)\n\n",
                sieveTest("env.sieve", "msg.eml"));
        out.reset();
        assertEquals("\nPerformed actions:\n\n * store message in folder: f-a@b.c\n"
                + " * store message in folder: t-x@y.z\n\nImplicit keep:\n\n  (none)\n\n",
                sieveTest("-f", "a@b.c", "env.sieve", "msg.eml", "-r", "x@y.z", "-a", "o@y.z"));
    }

    @Test
    void runTimeErrorGoesToStandardErrorAndFails() {
        assertEquals("sieve-test: Info: final result: failed; resolved with successful implicit keep",
                failure(() -> sieveTest("redirect-limit.sieve", "msg.eml")));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("redirect-limit: line 5: error: number of redirect actions exceeds policy limit (5 > 4).\n", stderr());
    }

    @Test
    void missingFilesAndBadAddressesFailAsPigeonhole() {
        assertEquals("sieve-test: Fatal: failed to compile sieve script", failure(() -> sieveTest("nope.sieve", "nope.eml")));
        assertEquals("error: script not found.\n", stderr());
        Path mail = home.resolve("nope.eml").toAbsolutePath();
        assertEquals("sieve-test: Fatal: Can't open delivery mail as raw (file=" + mail + "): Mailbox doesn't exist: " + mail,
                failure(() -> sieveTest("scripts/ok.sieve", "nope.eml")));
        assertEquals("sieve-test: Fatal: Invalid -f parameter: Missing domain",
                failure(() -> sieveTest("-f", "bad", "nope.sieve", "msg.eml")));
        assertEquals("sieve-test: Fatal: Invalid -r parameter: Invalid character in localpart",
                failure(() -> sieveTest("-r", "<bob@x.y>", "scripts/ok.sieve", "msg.eml")));
    }

    @Test
    void sievecPrintsWarningsAndSucceeds() throws IOException {
        // Debian's sievec 0.5.19: "w: line 2: warning: specified :days value '0' is under the minimum." and status 0.
        Files.writeString(home.resolve("w.sieve"), "require \"vacation\";\nvacation :days 0 \"x\";\n");
        sievec("w.sieve");
        assertEquals("w: line 2: warning: specified :days value '0' is under the minimum.\n", stderr());
    }

    @Test
    void parseFailuresAreToldApart() throws IOException {
        Files.writeString(home.resolve("p.sieve"), "if true {\n keep;\n");
        failure(() -> sievec("p.sieve"));
        assertEquals("p: line 3: error: expected end of compound block '}', but found end of file.\np: error: parse failed.\n",
                stderr());
    }

    @Test
    void exitStatusesArePigeonholes() {
        // As measured with Debian's sieve-test and sievec: 64 usage, 89 fatal, 1 run-time failure.
        assertEquals(1, status(() -> sieveTest("redirect-limit.sieve", "msg.eml")));
        assertEquals(89, status(() -> sieveTest("nope.sieve", "nope.eml")));
        assertEquals(89, status(() -> sieveTest("scripts/ok.sieve", "nope.eml")));
        assertEquals(89, status(() -> sieveTest("-f", "bad", "nope.sieve", "msg.eml")));
        assertEquals(64, status(() -> sieveTest("scripts/ok.sieve")));
        assertEquals(64, status(() -> sieveTest("-x", "fileinto", "a", "b")));
        assertEquals(89, status(() -> sievec("missing.sieve")));
        assertEquals(89, status(() -> sievec()));
        assertEquals(64, status(() -> sievec("-Z", "scripts/ok.sieve")));
    }

    @Test
    void usageErrorsPrintTheUsage() {
        assertEquals("sieve-test: Fatal: Missing <mail-file> argument", failure(() -> sieveTest("scripts/ok.sieve")));
        assertEquals(SieveTestCommand.USAGE, out.toString(StandardCharsets.UTF_8));
        assertEquals("sieve-test: Fatal: Unknown argument: c", failure(() -> sieveTest("a", "b", "c")));
        assertEquals("sieve-test: Fatal: Unknown argument: ?", failure(() -> sieveTest("-x", "fileinto", "a", "b")));
        assertEquals("sieve-test: invalid option -- 'x'\n", stderr());
    }

    @Test
    void executeIsAcceptedButOnlyPrints() {
        sieveTest("-e", "scripts/ok.sieve", "msg.eml");
        assertEquals("sieve-test: Warning: -e is not supported: the actions are printed, not executed\n"
                + "sieve-test: Info: final result: success\n", stderr());
    }

    @Test
    void helpDescribesBothTools() {
        sieveTest("--help");
        sievec("-h");
        assertEquals(SieveTestCommand.HELP + SievecCommand.HELP, out.toString(StandardCharsets.UTF_8));
        assertEquals("", stderr());
    }

    @Test
    void sievecIsSilentForAValidScriptAndWritesNothing() throws IOException {
        sievec("scripts/ok.sieve", "ok.svbin");
        assertEquals("", out.toString(StandardCharsets.UTF_8) + stderr());
        assertEquals(false, Files.exists(home.resolve("ok.svbin")));
    }

    @Test
    void sievecPrintsValidationErrors() throws IOException {
        Files.createDirectories(home.resolve("sub"));
        Files.writeString(home.resolve("sub/x.sieve"), "if keep { }\n");
        assertEquals("sievec: Fatal: failed to compile sieve script 'sub/x.sieve'", failure(() -> sievec("sub/x.sieve")));
        assertEquals("x: line 1: error: attempted to use command 'keep' as test.\n"
                + "x: error: validation failed.\n", stderr());
    }

    @Test
    void sievecReportsParseFailures() throws IOException {
        Files.writeString(home.resolve("parse.sieve"), "if true {\n  fileinto \"x\";\n");
        assertEquals("sievec: Fatal: failed to compile sieve script 'parse.sieve'", failure(() -> sievec("parse.sieve")));
        assertEquals("parse: line 3: error: expected end of compound block '}', but found end of file.\n"
                + "parse: error: parse failed.\n", stderr());
    }

    @Test
    void sievecUsageAndMissingScript() {
        assertEquals("sievec: Fatal: Missing <script-file> argument", failure(() -> sievec()));
        assertEquals(SievecCommand.USAGE, out.toString(StandardCharsets.UTF_8));
        assertEquals("sievec: Fatal: failed to compile sieve script 'a'", failure(() -> sievec("a", "b")));
        assertEquals("error: script not found.\n", stderr());
    }
}
