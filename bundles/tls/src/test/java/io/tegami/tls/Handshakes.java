package io.tegami.tls;

import java.io.InputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Real TLS handshakes over loopback sockets, for checking which certificate a context serves. */
final class Handshakes {

    private Handshakes() {
    }

    /** A client context that trusts exactly {@code cert}. */
    static SSLContext trusting(X509Certificate cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("trusted", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        return client;
    }

    /**
     * Connects a client to a server using {@code server}, checking the host name as HTTPS does,
     * and returns the certificate the server presented and the protocol negotiated.
     */
    static Result connect(SSLContext server, String[] protocols, SSLContext client, String host) throws Exception {
        try (SSLServerSocket listening = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listening.setEnabledProtocols(protocols);
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listening.accept()) {
                    s.setSoTimeout(5000);
                    s.startHandshake();
                    s.getOutputStream().write('!');
                    s.getOutputStream().flush();
                } catch (Exception e) {
                    // the client side reports the failure
                }
            });
            Result r;
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(host, listening.getLocalPort())) {
                s.setSoTimeout(5000);
                SSLParameters params = s.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(params);
                s.startHandshake();
                InputStream in = s.getInputStream();
                if (in.read() != '!') {
                    throw new AssertionError("no data after the handshake");
                }
                r = new Result((X509Certificate) s.getSession().getPeerCertificates()[0], s.getSession().getProtocol());
            }
            // Only after the client closed: a TLS 1.3 server socket's close() waits for the peer's close_notify.
            accepted.get(5, TimeUnit.SECONDS);
            return r;
        }
    }

    record Result(X509Certificate peer, String protocol) {
    }
}
