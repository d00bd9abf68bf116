package io.tegami.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConsolePasswordTest {

    private final ConsolePassword passwords = new ConsolePassword(new SecureRandom());

    /** The Web Console's own check (its package-private Password class, on the test class path). */
    static boolean consoleAccepts(String stored, String typed) throws Exception {
        Class<?> c = Class.forName("org.apache.felix.webconsole.internal.servlet.Password");
        Constructor<?> ctor = c.getDeclaredConstructor(String.class);
        ctor.setAccessible(true);
        Method matches = c.getDeclaredMethod("matches", byte[].class);
        matches.setAccessible(true);
        return (Boolean) matches.invoke(ctor.newInstance(stored), (Object) typed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theConsoleAcceptsOurHashesAndOnlyForTheirPassword() throws Exception {
        String password = passwords.generate();
        String hash = passwords.hash(password);
        assertTrue(hash.matches("\\{sha-256\\}[0-9a-f]{16}-1000-[A-Za-z0-9+/]{43}="), hash);
        assertTrue(consoleAccepts(hash, password));
        assertFalse(consoleAccepts(hash, password + "x"));
        assertFalse(consoleAccepts(hash, "admin"));
    }

    @Test
    void aKnownVector() throws Exception {
        String hash = ConsolePassword.hash("secret", "0011223344556677", 1000);
        assertTrue(consoleAccepts(hash, "secret"));
        assertEquals(hash, ConsolePassword.hash("secret", "0011223344556677", 1000));
        assertNotEquals(hash, ConsolePassword.hash("secret", "0011223344556678", 1000), "the salt counts");
    }

    @Test
    void theLockedFallbackOfConfigPropertiesMatchesNothing() throws Exception {
        // conf/config.properties: felix.webconsole.password, used until the real one is configured.
        String locked = "{sha-256}unset-locked";
        for (String typed : new String[] {"", "admin", "unset-locked", "locked", "unset"}) {
            assertFalse(consoleAccepts(locked, typed), typed);
        }
    }

    @Test
    void generatedPasswordsAreLongRandomAndEasyToType() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String p = passwords.generate();
            assertEquals(ConsolePassword.LENGTH, p.length());
            assertTrue(p.matches("[A-HJ-NP-Za-km-z2-9]+"), p);
            seen.add(p);
        }
        assertEquals(200, seen.size());
    }

    @Test
    void hashedValuesAreRecognised() {
        assertTrue(ConsolePassword.isHashed("{sha-256}abc"));
        assertFalse(ConsolePassword.isHashed("admin"));
        assertFalse(ConsolePassword.isHashed(null));
    }
}
