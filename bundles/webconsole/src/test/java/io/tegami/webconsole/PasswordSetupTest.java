package io.tegami.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;

import org.junit.jupiter.api.Test;

class PasswordSetupTest {

    @Test
    void noConfigurationOrAnEmptyPasswordNeedsOne() {
        assertFalse(PasswordSetup.hasPassword(null));
        Hashtable<String, Object> p = new Hashtable<>();
        assertFalse(PasswordSetup.hasPassword(p));
        p.put("password", " ");
        assertFalse(PasswordSetup.hasPassword(p));
        p.put("password", "{sha-256}x");
        assertTrue(PasswordSetup.hasPassword(p));
    }

    @Test
    void settingThePasswordKeepsTheOtherPropertiesAndTheUser() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("manager.root", "/admin");
        p.put("username", "postmaster");
        Hashtable<String, Object> next = PasswordSetup.withPassword(p, "{sha-256}h");
        assertEquals("/admin", next.get("manager.root"));
        assertEquals("postmaster", next.get("username"));
        assertEquals("{sha-256}h", next.get("password"));
        assertFalse(p.containsKey("password"), "a copy");
    }

    @Test
    void withoutAUserTheConsoleDefaultIsWrittenDown() {
        Hashtable<String, Object> next = PasswordSetup.withPassword(null, "{sha-256}h");
        assertEquals("admin", next.get("username"));
        assertEquals("admin", PasswordSetup.user(null));
    }
}
