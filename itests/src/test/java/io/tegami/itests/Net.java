package io.tegami.itests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Socket helpers for tests. */
final class Net {

    private Net() {
    }

    /** Waits until something accepts connections on the loopback port. */
    static void awaitListening(int port, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (isListening(port)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing listens on port " + port + " after " + timeoutMillis + " ms");
    }

    /** Waits until nothing accepts connections on the loopback port. */
    static void awaitRefusing(int port, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!isListening(port)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("port " + port + " still accepts after " + timeoutMillis + " ms");
    }

    static boolean isListening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A TLS context that accepts any server certificate: the embedded default serves a
     * self-signed one, and these tests check the protocol, not the PKI.
     */
    static SSLContext trustingContext() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }

    /** Layers TLS over a connected socket (after STARTTLS) and completes the handshake. */
    static SSLSocket upgrade(Socket plain, int port) throws Exception {
        SSLSocket tls = (SSLSocket) trustingContext().getSocketFactory()
                .createSocket(plain, "localhost", port, true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    /** Opens an implicit-TLS connection. */
    static SSLSocket connectTls(int port) throws Exception {
        SSLSocket tls = (SSLSocket) trustingContext().getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port);
        tls.startHandshake();
        return tls;
    }
}
