package io.tegami.shell.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CtlOptionsTest {

    private static final Path CWD = Path.of("/srv/somewhere");

    @Test
    void defaultSocketIsUnderTegamiHome() throws Exception {
        CtlOptions o = CtlOptions.parse(new String[] {"postconf", "-n"}, Map.of("TEGAMI_HOME", "/opt/tegami"), CWD);
        assertEquals(Path.of("/opt/tegami/data/private/admin.sock"), o.socket());
        assertEquals("postconf", o.command());
        assertEquals(List.of("-n"), o.args());
    }

    @Test
    void withoutTegamiHomeTheCurrentDirectoryIsHome() throws Exception {
        CtlOptions o = CtlOptions.parse(new String[] {"lb"}, Map.of(), CWD);
        assertEquals(Path.of("/srv/somewhere/data/private/admin.sock"), o.socket());
        assertEquals(List.of(), o.args());
    }

    @Test
    void socketOptionWinsAndIsRelativeToTheCurrentDirectory() throws Exception {
        CtlOptions o = CtlOptions.parse(new String[] {"-s", "run/x.sock", "useradd", "a", "b"},
                Map.of("TEGAMI_HOME", "/opt/tegami"), CWD);
        assertEquals(Path.of("/srv/somewhere/run/x.sock"), o.socket());
        assertEquals(List.of("a", "b"), o.args());
    }

    @Test
    void optionsEndAtTheCommandOrAtDoubleDash() throws Exception {
        assertEquals(List.of("-s", "x"), CtlOptions.parse(new String[] {"postconf", "-s", "x"}, Map.of(), CWD).args());
        assertEquals("-weird", CtlOptions.parse(new String[] {"--", "-weird"}, Map.of(), CWD).command());
    }

    @Test
    void usageErrors() {
        assertThrows(CtlOptions.UsageException.class, () -> CtlOptions.parse(new String[] {}, Map.of(), CWD));
        assertThrows(CtlOptions.UsageException.class, () -> CtlOptions.parse(new String[] {"-s"}, Map.of(), CWD));
        assertThrows(CtlOptions.UsageException.class, () -> CtlOptions.parse(new String[] {"-q", "lb"}, Map.of(), CWD));
    }

    @Test
    void help() throws Exception {
        assertTrue(CtlOptions.parse(new String[] {"--help"}, Map.of(), CWD).help());
    }
}
