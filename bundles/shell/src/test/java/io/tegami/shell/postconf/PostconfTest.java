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

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void run(String... args) {
        new Postconf(params, editor).run(PostconfRequest.parse(args), print(out), print(err));
    }

    @Test
    void allParametersWithCurrentValuesSortedAndUnexpanded() {
        run();
        assertEquals("""
                message_size_limit = 10240000
                my_own = custom
                mydestination = $myhostname, localhost
                myhostname = mx.example.com
                recipient_delimiter =
                """, text(out));
    }

    @Test
    void explicitOnlyWithoutFrameworkKeys() {
        run("-n");
        assertEquals("my_own = custom\nmyhostname = mx.example.com\n", text(out));
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
        assertEquals("", text(err));
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
        assertEquals("", text(err));
    }

    @Test
    void expanded() {
        run("-x", "mydestination");
        assertEquals("mydestination = mx.example.com, localhost\n", text(out));
    }

    @Test
    void unknownNameNextToKnownOnesIsAWarning() {
        run("myhostname", "no_such_thing");
        assertEquals("myhostname = mx.example.com\n", text(out));
        assertEquals("postconf: warning: unknown parameter: no_such_thing\n", text(err));
    }

    @Test
    void onlyUnknownNamesFail() {
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> run("no_such_thing"));
        assertEquals("postconf: warning: unknown parameter: no_such_thing", e.getMessage());
        assertEquals("", text(out));
    }

    @Test
    void assignmentsGoToTheEditor() {
        run("mydestination=$myhostname, example.com", "smtpd_banner = $myhostname ESMTP a=b");
        assertEquals(Map.of("mydestination", "$myhostname, example.com",
                "smtpd_banner", "$myhostname ESMTP a=b"), written);
        assertEquals("postconf: warning: unknown parameter: smtpd_banner\n", text(err));
        assertEquals("", text(out));
    }

    @Test
    void removals() {
        run("-X", "myhostname");
        assertEquals(List.of("myhostname"), removed);
    }

    @Test
    void missingServicesAreExplained() {
        Postconf noParams = new Postconf(null, editor);
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> noParams.run(PostconfRequest.parse("-n"), print(out), print(err)));
        assertEquals("postconf: fatal: the mail parameters service is not available (is the config bundle running?)",
                e.getMessage());
        Postconf noConfigAdmin = new Postconf(params, null);
        e = assertThrows(CommandFailedException.class,
                () -> noConfigAdmin.run(PostconfRequest.parse("myhostname=x"), print(out), print(err)));
        assertEquals("postconf: fatal: ConfigurationAdmin is not available; cannot update tegami.main",
                e.getMessage());
    }

    @Test
    void editorFailureIsACleanFailure() {
        Postconf failing = new Postconf(params, (set, remove) -> {
            throw new java.io.IOException("disk full");
        });
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
