package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Postfix's valid_hostname.c rules. */
class HostNamesTest {

    @Test
    void hostnames() {
        assertTrue(HostNames.validHostname("mail.example.com"));
        assertTrue(HostNames.validHostname("a-b.example"));
        assertTrue(HostNames.validHostname("under_score.example"));
        assertTrue(HostNames.validHostname("localhost"));
        assertTrue(HostNames.validHostname("1.2.3.example"));
        assertFalse(HostNames.validHostname("1.2.3.4"), "all numeric");
        assertFalse(HostNames.validHostname(""));
        assertFalse(HostNames.validHostname("-a.example"));
        assertFalse(HostNames.validHostname("a-.example"));
        assertFalse(HostNames.validHostname("a..example"));
        assertFalse(HostNames.validHostname(".example"));
        assertFalse(HostNames.validHostname("example."));
        assertFalse(HostNames.validHostname("ex ample"));
        assertFalse(HostNames.validHostname("ex?ample"));
        assertFalse(HostNames.validHostname("x".repeat(64) + ".example"));
        assertTrue(HostNames.validHostname("x".repeat(63) + ".example"));
    }

    @Test
    void addresses() {
        assertTrue(HostNames.validHostaddr("192.0.2.1"));
        assertTrue(HostNames.validHostaddr("0.0.0.0"));
        assertFalse(HostNames.validHostaddr("0.1.2.3"));
        assertFalse(HostNames.validHostaddr("256.1.1.1"));
        assertFalse(HostNames.validHostaddr("1.2.3"));
        assertFalse(HostNames.validHostaddr("1.2.3.4."));
        assertTrue(HostNames.validHostaddr("::1"));
        assertTrue(HostNames.validHostaddr("2001:db8::1"));
        assertTrue(HostNames.validHostaddr("::ffff:192.0.2.1"));
        assertFalse(HostNames.validHostaddr("2001:db8::1::2"));
        assertFalse(HostNames.validHostaddr("12345::1"));
        assertTrue(HostNames.validHostLiteral("[192.0.2.1]"));
        assertTrue(HostNames.validHostLiteral("[IPv6:2001:db8::1]"));
        assertFalse(HostNames.validHostLiteral("[2001:db8::1]"));
        assertFalse(HostNames.validHostLiteral("[example.com]"));
    }

    @Test
    void oneTrailingDotGoes() {
        assertEquals("example.com", HostNames.withoutTrailingDot("example.com."));
        assertEquals("example.com..", HostNames.withoutTrailingDot("example.com.."));
        assertEquals(".", HostNames.withoutTrailingDot("."));
    }
}
