package io.tegami.api.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SieveScriptLocationTest {

    @TempDir
    Path home;

    @Test
    void defaultLayoutIsPigeonholes() throws Exception {
        SieveScriptLocation l = SieveScriptLocation.of(null, home);
        assertEquals(home.resolve("sieve"), l.directory());
        assertEquals(home.resolve(".dovecot.sieve"), l.activeLink());
        assertEquals(Optional.empty(), l.activeScript());
        Files.createDirectories(l.directory());
        Files.writeString(l.script("main"), "keep;");
        l.activate("main");
        assertEquals(Path.of("sieve/main.sieve"), Files.readSymbolicLink(l.activeLink()));
        assertEquals(home.resolve("sieve/main.sieve").toRealPath(), l.activeScript().orElseThrow());
        assertEquals(Optional.of("main"), l.activeName());
        l.deactivate();
        assertEquals(Optional.empty(), l.activeScript());
    }

    @Test
    void explicitSpec() {
        SieveScriptLocation l = SieveScriptLocation.of("file:~/scripts;active=~/.active.sieve", home);
        assertEquals(home.resolve("scripts"), l.directory());
        assertEquals(home.resolve(".active.sieve"), l.activeLink());
    }

    @Test
    void noEscapeFromHome() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> SieveScriptLocation.of("file:~/../x", home));
        assertThrows(IllegalArgumentException.class, () -> SieveScriptLocation.of("file:/etc;active=~/.s", home));
        SieveScriptLocation l = SieveScriptLocation.of(null, home);
        assertThrows(IllegalArgumentException.class, () -> l.script("../x"));
        assertThrows(IllegalArgumentException.class, () -> l.script(".hidden"));
        assertFalse(SieveScriptLocation.validName("a/b"));
        assertTrue(SieveScriptLocation.validName("vacation"));
        // A link out of the home is not a script.
        Path outside = Files.createTempFile("outside", ".sieve");
        try {
            Files.createSymbolicLink(l.activeLink(), outside);
            assertEquals(Optional.empty(), l.activeScript());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void globalFileOrDirectory() throws Exception {
        Path dir = Files.createDirectories(home.resolve("before.d"));
        Files.writeString(dir.resolve("20-b.sieve"), "keep;");
        Files.writeString(dir.resolve("10-a.sieve"), "keep;");
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertEquals(List.of(dir.resolve("10-a.sieve"), dir.resolve("20-b.sieve")),
                SieveScriptLocation.global(dir.toString(), null));
        assertEquals(List.of(dir.resolve("10-a.sieve")), SieveScriptLocation.global("file:~/before.d/10-a.sieve", home));
        assertEquals(List.of(), SieveScriptLocation.global("", home));
        assertEquals(List.of(), SieveScriptLocation.global(home.resolve("none").toString(), home));
    }
}
