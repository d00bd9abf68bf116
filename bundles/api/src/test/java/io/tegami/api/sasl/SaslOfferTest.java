package io.tegami.api.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.testing.FakeConnection;
import io.tegami.api.sasl.SaslOffer.Verdict;
import io.tegami.api.sasl.testing.FakeMechanism;

/** Dovecot's offer rules: secured, ssl = required, disable_plaintext_auth, auth_mechanisms order. */
class SaslOfferTest {

    private final FakeMechanism plain = FakeMechanism.plain();
    private final FakeMechanism login = FakeMechanism.login();
    private final FakeMechanism cram = FakeMechanism.serverFirst();
    private final Map<String, SaslMechanism> registered = Map.of("PLAIN", plain, "LOGIN", login, "CRAM-MD5", cram);

    private SaslOffer offer(boolean secured, boolean sslRequired, boolean disablePlaintext, String... configured) {
        return SaslOffer.of(secured, sslRequired, disablePlaintext, List.of(configured), registered);
    }

    @Test
    void securedOffersEverythingConfiguredInConfiguredOrder() {
        SaslOffer o = offer(true, true, true, "cram-md5", "plain", "login", "plain", "x-unregistered");
        assertTrue(o.allowed());
        assertTrue(o.plaintextAllowed());
        assertEquals(List.of("CRAM-MD5", "PLAIN", "LOGIN"), o.advertised());
        assertEquals(Verdict.OFFERED, o.verdict("plain"));
        assertEquals(Verdict.UNKNOWN, o.verdict("X-UNREGISTERED"), "listed but nobody registered it");
    }

    @Test
    void inClearPlaintextMechanismsNeedSecurity() {
        SaslOffer o = offer(false, false, true, "plain", "login", "cram-md5");
        assertTrue(o.allowed());
        assertFalse(o.plaintextAllowed());
        assertEquals(List.of("CRAM-MD5"), o.advertised());
        assertEquals(Verdict.NEEDS_SECURITY, o.verdict("LOGIN"));
        assertEquals(Verdict.OFFERED, o.verdict("cram-md5"));
    }

    @Test
    void disablePlaintextAuthNoAllowsPlaintextInClear() {
        SaslOffer o = offer(false, false, false, "plain", "login");
        assertTrue(o.plaintextAllowed());
        assertEquals(List.of("PLAIN", "LOGIN"), o.advertised());
    }

    @Test
    void sslRequiredWithholdsEverythingUntilSecured() {
        SaslOffer o = offer(false, true, false, "plain", "cram-md5");
        assertFalse(o.allowed());
        assertFalse(o.plaintextAllowed(), "not even with disable_plaintext_auth = no");
        assertEquals(List.of(), o.advertised());
        assertEquals(Verdict.NEEDS_SECURITY, o.verdict("CRAM-MD5"));
        assertEquals(Verdict.UNKNOWN, o.verdict("LOGIN"), "unknown stays unknown: not configured");
    }

    @Test
    void unconfiguredMechanismsAreUnknownEvenWhenRegistered() {
        SaslOffer o = offer(true, false, true, "plain");
        assertEquals(List.of("PLAIN"), o.advertised());
        assertEquals(Verdict.UNKNOWN, o.verdict("CRAM-MD5"));
        assertSame(cram, o.mechanism("cram-md5"), "the lookup itself ignores the configuration");
        assertNull(o.mechanism("NOPE"));
    }

    @Test
    void withheldOffersNothing() {
        SaslOffer o = offer(true, false, false, "plain", "cram-md5").withheld();
        assertFalse(o.allowed());
        assertEquals(List.of(), o.advertised());
        assertEquals(Verdict.NEEDS_SECURITY, o.verdict("plain"));
        assertEquals(Verdict.UNKNOWN, o.verdict("login"));
    }

    @Test
    void securedMeansTlsOrLoopback() {
        assertTrue(SaslOffer.isSecured(new FakeConnection("imap", 143)), "127.0.0.1");
        assertTrue(SaslOffer.isSecured(new FakeConnection("imap", 143).remote(new InetSocketAddress("::1", 5000))));
        FakeConnection remote = new FakeConnection("imap", 143).remote(new InetSocketAddress("192.0.2.7", 5000));
        assertFalse(SaslOffer.isSecured(remote));
        assertTrue(SaslOffer.isSecured(remote.secure()));
    }
}
