package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tegami.api.net.ListenerInfo;
import io.tegami.api.tls.TlsProvider;

/** Every server engine comes from the provider, for the listener at hand, with its policy applied. */
class TlsPolicyLoopbackTest {

    private static EventLoops loops;
    private static TestTls tls;

    private final FakeHandler handler = new FakeHandler("fake");
    private final List<ListenerInfo> asked = new CopyOnWriteArrayList<>();
    private Listener listener;

    /** TestTls's certificate with a TLS 1.3-only policy and one cipher suite. */
    private final TlsProvider strict = new TlsProvider() {
        @Override
        public SSLContext serverContext() {
            return tls.serverContext();
        }

        @Override
        public SSLContext clientContext() {
            return tls.clientContext();
        }

        @Override
        public String[] enabledProtocols() {
            return new String[] {"TLSv1.3"};
        }

        @Override
        public String[] enabledCipherSuites() {
            return new String[] {"TLS_CHACHA20_POLY1305_SHA256"};
        }

        @Override
        public SSLEngine serverEngine(ListenerInfo l) {
            asked.add(l);
            return TlsProvider.super.serverEngine(l);
        }
    };

    @BeforeAll
    static void start() throws Exception {
        loops = new EventLoops(2, 8);
        tls = TestTls.create();
    }

    @AfterAll
    static void stop() {
        loops.deactivate();
    }

    @AfterEach
    void deactivate() {
        if (listener != null) {
            listener.deactivate();
        }
    }

    private int listen(String mode) {
        Map<String, Object> props = new HashMap<>(Map.of("protocol", "fake", "port", "0", "address", "127.0.0.1",
                "name", "fakes", "tls", mode, "smtpd_tls_protocols", "TLSv1.3"));
        listener = new Listener(loops);
        listener.bindTlsProvider(strict);
        listener.bindHandler(handler, LoopbackTest.service(1, 0));
        listener.activate(props);
        return listener.boundAddresses().get(0).getPort();
    }

    @Test
    void implicitTlsUsesTheProvidersEngineForThisListener() throws Exception {
        int port = listen("implicit");
        try (LineClient c = LineClient.tls(tls.clientContext(), port)) {
            assertEquals("220 fake ready", c.readLine());
            SSLSocket s = (SSLSocket) c.socket();
            assertEquals("TLSv1.3", s.getSession().getProtocol());
            assertEquals("TLS_CHACHA20_POLY1305_SHA256", s.getSession().getCipherSuite());
        }
        assertEquals(1, asked.size());
        assertEquals("fakes", asked.get(0).name());
        assertEquals(ListenerInfo.TlsMode.IMPLICIT, asked.get(0).tlsMode());
        assertEquals("TLSv1.3", asked.get(0).option("smtpd_tls_protocols", null), "the listener's options go along");
    }

    @Test
    void aClientOutsideThePolicyCannotHandshake() throws Exception {
        int port = listen("implicit");
        SSLSocket s = (SSLSocket) tls.clientContext().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        try (s) {
            s.setSoTimeout(5000);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            assertThrows(IOException.class, s::startHandshake);
        }
    }

    @Test
    void startTlsUsesTheProvidersEngineToo() throws Exception {
        try (LineClient c = new LineClient(listen("starttls"))) {
            assertEquals("220 fake ready", c.readLine());
            c.send("STARTTLS\r\n");
            assertEquals("220 go ahead", c.readLine());
            c.startTls(tls.clientContext());
            c.send("SECURE?\r\n");
            assertEquals("secure=true canStartTls=false", c.readLine());
            assertEquals("TLS_CHACHA20_POLY1305_SHA256", ((SSLSocket) c.socket()).getSession().getCipherSuite());
        }
        assertEquals(ListenerInfo.TlsMode.STARTTLS, asked.get(0).tlsMode());
    }
}
