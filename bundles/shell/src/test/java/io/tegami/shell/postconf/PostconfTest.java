package io.tegami.shell.postconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.shell.CommandFailedException;

class PostconfTest {

    private final MapMailParameters params = new MapMailParameters(Path.of("/opt/tegami"),
            Map.of("myhostname", "localhost", "mydestination", "$myhostname, localhost",
                    "recipient_delimiter", "", "message_size_limit", "10240000"))
            .set("myhostname", "mx.example.com")
            .set("my_own", "custom")
            .set("service.pid", "tegami.main")
            .set("felix.fileinstall.filename", "file:/opt/tegami/configs/tegami.main.cfg");

    /** Records what would be written to ConfigAdmin. */
    private final Map<String, String> written = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    private final ParameterEditor editor = (Map<String, String> set, Collection<String> remove) -> {
        written.putAll(set);
        removed.addAll(remove);
    };

    private static final Path MAIN_CF = Path.of("/opt/tegami/configs/tegami.main.cfg");
    private static final String UNUSED = "postconf: warning: /opt/tegami/configs/tegami.main.cfg: unused parameter: my_own=custom\n";
    private final List<Map<String, Object>> listeners = new ArrayList<>();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void run(String... args) {
        new Postconf(params, editor, () -> listeners, MAIN_CF).run(PostconfRequest.parse(args), print(out), print(err));
    }

    @Test
    void allParametersWithCurrentValuesSortedAndUnexpanded() {
        run();
        assertEquals("""
                message_size_limit = 10240000
                mydestination = $myhostname, localhost
                myhostname = mx.example.com
                recipient_delimiter =
                """, text(out));
    }

    @Test
    void explicitOnlyWithoutFrameworkKeys() {
        run("-n");
        assertEquals("myhostname = mx.example.com\n", text(out));
        assertEquals(UNUSED, text(err));
    }

    @Test
    void defaults() {
        run("-d");
        assertEquals("""
                message_size_limit = 10240000
                mydestination = $myhostname, localhost
                myhostname = localhost
                recipient_delimiter =
                """, text(out));
    }

    @Test
    void namesInTheOrderGiven() {
        run("myhostname", "message_size_limit");
        assertEquals("myhostname = mx.example.com\nmessage_size_limit = 10240000\n", text(out));
        assertEquals(UNUSED, text(err));
    }

    @Test
    void defaultOfOneName() {
        run("-d", "myhostname");
        assertEquals("myhostname = localhost\n", text(out));
    }

    @Test
    void explicitOnlyNameLeftAtItsDefaultPrintsNothing() {
        run("-n", "message_size_limit");
        assertEquals("", text(out));
        assertEquals(UNUSED, text(err));
    }

    @Test
    void expanded() {
        run("-x", "mydestination");
        assertEquals("mydestination = mx.example.com, localhost\n", text(out));
    }

    @Test
    void unknownNamesAreWarningsAsInPostfixAndDoNotFail() {
        run("no_such_thing", "myhostname", "my_own");
        assertEquals("myhostname = mx.example.com\n", text(out));
        assertEquals("postconf: warning: no_such_thing: unknown parameter\n"
                + "postconf: warning: my_own: unknown parameter\n" + UNUSED, text(err));
    }

    @Test
    void userDefinedParametersThatAreReferencedAreUsed() {
        params.set("relay_domains", "$my_own");
        run("-n");
        assertEquals("my_own = custom\nmyhostname = mx.example.com\n", text(out));
        // relay_domains itself is unknown to this test's defaults and referenced by nothing.
        assertEquals("postconf: warning: /opt/tegami/configs/tegami.main.cfg: unused parameter: relay_domains=$my_own\n",
                text(err));
    }

    @Test
    void listenerOptionsAndRestrictionClassesCountAsUses() {
        listeners.add(Map.of("protocol", "smtp", "smtpd_client_restrictions", "${my_own}"));
        params.set("smtpd_restriction_classes", "cls").set("cls", "reject");
        run("-n");
        assertEquals("cls = reject\nmy_own = custom\nmyhostname = mx.example.com\n", text(out));
        assertEquals("postconf: warning: /opt/tegami/configs/tegami.main.cfg: unused parameter: "
                + "smtpd_restriction_classes=cls\n", text(err));
    }

    @Test
    void valuesOnlyAndNamesOnly() {
        run("-h", "myhostname", "mydestination");
        assertEquals("mx.example.com\n$myhostname, localhost\n", text(out));
        out.reset();
        run("-hx", "mydestination");
        assertEquals("mx.example.com, localhost\n", text(out));
        out.reset();
        run("-H", "-n");
        assertEquals("myhostname\n", text(out));
        out.reset();
        run("-dhx", "mydestination");
        assertEquals("localhost, localhost\n", text(out));
    }

    @Test
    void defaultsDoNotWarnAboutUnusedParameters() {
        run("-d", "recipient_delimiter");
        assertEquals("recipient_delimiter =\n", text(out));
        assertEquals("", text(err));
    }

    @Test
    void assignmentsGoToTheEditorSilentlyAsInPostfix() {
        run("mydestination=$myhostname, example.com", "smtpd_banner = $myhostname ESMTP a=b");
        assertEquals(Map.of("mydestination", "$myhostname, example.com",
                "smtpd_banner", "$myhostname ESMTP a=b"), written);
        assertEquals("", text(err));
        assertEquals("", text(out));
    }

    @Test
    void removals() {
        run("-X", "myhostname");
        assertEquals(List.of("myhostname"), removed);
    }

    @Test
    void missingServicesAreExplained() {
        Postconf noParams = new Postconf(null, editor, null, MAIN_CF);
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> noParams.run(PostconfRequest.parse("-n"), print(out), print(err)));
        assertEquals("postconf: fatal: the mail parameters service is not available (is the config bundle running?)",
                e.getMessage());
        Postconf noConfigAdmin = new Postconf(params, null, null, MAIN_CF);
        e = assertThrows(CommandFailedException.class,
                () -> noConfigAdmin.run(PostconfRequest.parse("myhostname=x"), print(out), print(err)));
        assertEquals("postconf: fatal: ConfigurationAdmin is not available; cannot update tegami.main",
                e.getMessage());
    }

    @Test
    void editorFailureIsACleanFailure() {
        Postconf failing = new Postconf(params, (set, remove) -> {
            throw new java.io.IOException("disk full");
        }, null, MAIN_CF);
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> failing.run(PostconfRequest.parse("myhostname=x"), print(out), print(err)));
        assertEquals("postconf: fatal: cannot update tegami.main: disk full", e.getMessage());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
