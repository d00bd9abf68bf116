package io.tegami.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.ListenerInfo.TlsMode;

/** Per-listener certificates and protocol/cipher policy, checked with real in-memory handshakes. */
class ListenerPolicyTest {

    @TempDir
    Path home;

    private static ListenerInfo listener(String protocol, TlsMode mode, String... options) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return new ListenerInfo(protocol + "-test", protocol, mode, map);
    }

    private KeyMaterial install(String name, String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize(algorithm.equals("RSA") ? 2048 : 256);
        KeyMaterial m = SelfSignedCertificates.certify("localhost", g.generateKeyPair());
        Files.writeString(home.resolve(name + ".crt"), PemFiles.encode(m.chain()));
        Files.writeString(home.resolve(name + ".key"), PemFiles.encode(m.key()));
        return m;
    }

    /** A client that trusts {@code cert} and offers only {@code protocols} (all it has if null). */
    private static SSLEngine client(X509Certificate cert, String[] protocols, String[] suites) throws Exception {
        SSLEngine e = Handshakes.trusting(cert).createSSLEngine("localhost", 25);
        e.setUseClientMode(true);
        if (protocols != null) {
            e.setEnabledProtocols(protocols);
        }
        if (suites != null) {
            e.setEnabledCipherSuites(suites);
        }
        return e;
    }

    @Test
    void enginesGetTheDefaultPolicy() throws Exception {
        KeyMaterial m = install("global", "EC");
        DefaultTlsProvider p = new DefaultTlsProvider(MapMailParameters.of(home, "smtpd_tls_cert_file", "global.crt",
                "smtpd_tls_key_file", "global.key"));
        SSLEngine server = p.serverEngine(listener("smtp", TlsMode.STARTTLS));
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, server.getEnabledProtocols());
        for (String suite : server.getEnabledCipherSuites()) {
            assertTrue(CipherPolicy.PREFERRED.contains(suite), suite);
        }
        assertTrue(server.getSSLParameters().getUseCipherSuitesOrder());
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, p.enabledProtocols());

        SSLSession s = EngineHandshake.run(client(m.certificate(), null, null), server);
        assertEquals("TLSv1.3", s.getProtocol());
        assertEquals(m.certificate(), s.getPeerCertificates()[0]);
        s = EngineHandshake.run(client(m.certificate(), new String[] {"TLSv1.2"}, null),
                p.serverEngine(listener("smtp", TlsMode.STARTTLS)));
        assertEquals("TLSv1.2", s.getProtocol());
        assertTrue(s.getCipherSuite().startsWith("TLS_ECDHE_ECDSA_WITH_AES_256_GCM"), s.getCipherSuite());
    }

    @Test
    void weakSuitesAndOldProtocolsAreRefused() throws Exception {
        KeyMaterial m = install("rsa", "RSA");
        DefaultTlsProvider p = new DefaultTlsProvider(MapMailParameters.of(home, "smtpd_tls_cert_file", "rsa.crt",
                "smtpd_tls_key_file", "rsa.key"));
        String[] cbc = {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_256_GCM_SHA384"};
        assertThrows(SSLException.class, () -> EngineHandshake.run(
                client(m.certificate(), new String[] {"TLSv1.2"}, cbc), p.serverEngine(listener("smtp", TlsMode.IMPLICIT))));
        SSLSession s = EngineHandshake.run(client(m.certificate(), new String[] {"TLSv1.2"}, null),
                p.serverEngine(listener("smtp", TlsMode.IMPLICIT)));
        assertTrue(s.getCipherSuite().startsWith("TLS_ECDHE_RSA_WITH_AES_256_GCM"), s.getCipherSuite());
    }

    @Test
    void protocolSettingsPerListenerAndPerProtocolFamily() throws Exception {
        KeyMaterial m = install("global", "EC");
        MapMailParameters params = MapMailParameters.of(home, "smtpd_tls_cert_file", "global.crt",
                "smtpd_tls_key_file", "global.key", "smtpd_tls_protocols", "!SSLv2 !SSLv3 !TLSv1 !TLSv1.1 !TLSv1.2",
                "ssl_min_protocol", "TLSv1.2");
        DefaultTlsProvider p = new DefaultTlsProvider(params);
        assertArrayEquals(new String[] {"TLSv1.3"}, p.serverEngine(listener("smtp", TlsMode.STARTTLS)).getEnabledProtocols());
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"},
                p.serverEngine(listener("imap", TlsMode.IMPLICIT)).getEnabledProtocols());
        assertArrayEquals(new String[] {"TLSv1.3"}, p.enabledProtocols(), "without a listener: what both allow");
        assertThrows(SSLException.class, () -> EngineHandshake.run(client(m.certificate(), new String[] {"TLSv1.2"}, null),
                p.serverEngine(listener("smtp", TlsMode.STARTTLS))));

        // the listener's own option wins; mandatory TLS reads smtpd_tls_mandatory_protocols
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, p.serverEngine(listener("smtp", TlsMode.STARTTLS,
                "smtpd_tls_protocols", ">=TLSv1.2")).getEnabledProtocols());
        params.set("smtpd_tls_mandatory_protocols", "TLSv1.2");
        assertArrayEquals(new String[] {"TLSv1.2"}, p.serverEngine(listener("smtp", TlsMode.IMPLICIT)).getEnabledProtocols());
        assertArrayEquals(new String[] {"TLSv1.2"}, p.serverEngine(listener("smtp", TlsMode.STARTTLS,
                "smtpd_tls_security_level", "encrypt")).getEnabledProtocols());
        assertArrayEquals(new String[] {"TLSv1.3"}, p.serverEngine(listener("smtp", TlsMode.STARTTLS)).getEnabledProtocols());
        assertArrayEquals(new String[] {"TLSv1.3"}, p.serverEngine(listener("pop3", TlsMode.STARTTLS,
                "ssl_min_protocol", "LATEST")).getEnabledProtocols());

        params.set("smtpd_tls_protocols", "TLSv9");
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, p.serverEngine(listener("smtp", TlsMode.STARTTLS))
                .getEnabledProtocols(), "an invalid list falls back to the default, never wider");
    }

    @Test
    void certificatesPerListenerWithPostfixAndDovecotNames() throws Exception {
        KeyMaterial global = install("global", "EC");
        KeyMaterial smtps = install("smtps", "RSA");
        KeyMaterial imap = install("imap", "EC");
        KeyMaterial old = install("old", "EC");
        MapMailParameters params = MapMailParameters.of(home, "smtpd_tls_cert_file", "global.crt",
                "smtpd_tls_key_file", "global.key", "ssl_cert", "<" + home.resolve("imap.crt"), "ssl_key", "<imap.key");
        DefaultTlsProvider p = new DefaultTlsProvider(params);
        assertServes(global, p, listener("smtp", TlsMode.STARTTLS));
        assertServes(smtps, p, listener("smtp", TlsMode.IMPLICIT, "smtpd_tls_cert_file", "smtps.crt",
                "smtpd_tls_key_file", "smtps.key"));
        assertServes(imap, p, listener("imap", TlsMode.IMPLICIT), "Dovecot's names first for IMAP");
        assertServes(old, p, listener("pop3", TlsMode.STARTTLS, "ssl_cert_file", "old.crt", "ssl_key_file", "old.key"));
        SSLEngine plain = p.serverContext().createSSLEngine();
        plain.setUseClientMode(false);
        assertEquals(global.certificate(), EngineHandshake.run(client(global.certificate(), null, null), plain)
                .getPeerCertificates()[0], "serverContext(): the global one");

        params.set("ssl_cert", null);
        params.set("ssl_key", null);
        assertServes(global, p, listener("imap", TlsMode.IMPLICIT), "then Postfix's");
        params.clear();
        params.set("ssl_cert_file", "old.crt");
        params.set("ssl_key_file", "old.key");
        assertServes(old, p, listener("smtp", TlsMode.STARTTLS), "Dovecot 1.x names, globally");
    }

    private static void assertServes(KeyMaterial expected, DefaultTlsProvider p, ListenerInfo l, String... why)
            throws Exception {
        SSLSession s = EngineHandshake.run(client(expected.certificate(), null, null), p.serverEngine(l));
        assertEquals(expected.certificate(), s.getPeerCertificates()[0], Arrays.toString(why));
    }

    @Test
    void theApiDefaultAppliesAProvidersPolicyToo() throws Exception {
        KeyMaterial m = install("global", "EC");
        SSLContext ctx = ServerContexts.build(m);
        io.tegami.api.tls.TlsProvider minimal = new io.tegami.api.tls.TlsProvider() {
            @Override
            public SSLContext serverContext() {
                return ctx;
            }

            @Override
            public SSLContext clientContext() {
                return ctx;
            }

            @Override
            public String[] enabledCipherSuites() {
                return new String[] {"TLS_AES_128_GCM_SHA256", "TLS_NO_SUCH_SUITE"};
            }
        };
        SSLEngine e = minimal.serverEngine(listener("smtp", TlsMode.IMPLICIT));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(e.getEnabledProtocols()));
        assertEquals(List.of("TLS_AES_128_GCM_SHA256"), List.of(e.getEnabledCipherSuites()));
        assertFalse(e.getUseClientMode());
    }
}
