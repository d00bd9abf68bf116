package io.tegami.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfGuardTest {

    private static final String OWN = "http://127.0.0.1:8080";
    private final CsrfGuard guard = new CsrfGuard(new byte[] {1, 2, 3});

    @Test
    void theFormsTokenIsAccepted() {
        String t = guard.token("admin");
        assertTrue(guard.allows("admin", t, null, null, OWN));
        assertTrue(guard.allows("admin", t, "http://127.0.0.1:8080", "same-origin", OWN));
        assertEquals(t, guard.token("admin"), "stable for the bundle's life");
    }

    @Test
    void aMissingOrForeignTokenIsRefused() {
        assertFalse(guard.allows("admin", null, null, null, OWN));
        assertFalse(guard.allows("admin", "", null, null, OWN));
        assertFalse(guard.allows("admin", guard.token("other"), null, null, OWN));
        assertFalse(guard.allows("admin", new CsrfGuard(new byte[] {9}).token("admin"), null, null, OWN));
        assertNotEquals(guard.token("admin"), new CsrfGuard().token("admin"), "each start has its own secret");
    }

    @Test
    void crossSiteRequestsAreRefusedEvenWithTheToken() {
        String t = guard.token("admin");
        assertFalse(guard.allows("admin", t, "http://evil.example", null, OWN));
        assertFalse(guard.allows("admin", t, "http://127.0.0.1:8081", null, OWN));
        assertFalse(guard.allows("admin", t, "https://127.0.0.1:8080", null, OWN));
        assertFalse(guard.allows("admin", t, "null", null, OWN));
        assertFalse(guard.allows("admin", t, null, "cross-site", OWN));
        assertFalse(guard.allows("admin", t, null, "same-site", OWN));
    }

    @Test
    void defaultPortsCompareEqual() {
        String t = guard.token("admin");
        assertTrue(guard.allows("admin", t, "http://Example.org", null, "http://example.org:80"));
        assertTrue(guard.allows("admin", t, "https://example.org", null, "https://example.org:443"));
    }
}
