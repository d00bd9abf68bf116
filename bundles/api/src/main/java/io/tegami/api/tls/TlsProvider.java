package io.tegami.api.tls;

import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.osgi.annotation.versioning.ConsumerType;

import io.tegami.api.net.ListenerInfo;

/**
 * Supplies TLS contexts for servers and clients.
 *
 * <p>Implementations reload their certificate when its files change; callers should ask for the
 * context (or engine) each time they start a handshake rather than keep one.
 */
@ConsumerType
public interface TlsProvider {

    /** Service property: the provider's name; the default provider is {@code default}. */
    String NAME = "name";

    /** The context for accepting TLS connections, with the server certificate and key. */
    SSLContext serverContext();

    /** The context for outbound TLS connections (SMTP client to a relay), trusting the system CAs. */
    SSLContext clientContext();

    /** Protocols to enable on server engines, for example {@code TLSv1.3, TLSv1.2}. */
    default String[] enabledProtocols() {
        return new String[] {"TLSv1.3", "TLSv1.2"};
    }

    /**
     * Cipher suites to enable on server engines (JSSE names), most preferred first, or
     * {@code null} to keep the JDK's defaults.
     */
    default String[] enabledCipherSuites() {
        return null;
    }

    /**
     * A server-side engine for a connection accepted by {@code listener}, with the protocols and
     * cipher suites of this provider's policy enabled, the server's cipher suite order preferred.
     * Providers override it to choose a certificate or policy per listener (the listener's
     * options, like master.cf {@code -o smtpd_tls_cert_file=...}); the default uses
     * {@link #serverContext()}, {@link #enabledProtocols()} and {@link #enabledCipherSuites()}.
     * It may read files: call it off network event loops.
     *
     * @param listener the listener that accepted the connection
     * @throws IllegalStateException if no server certificate is available
     */
    default SSLEngine serverEngine(ListenerInfo listener) {
        SSLEngine engine = serverContext().createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters params = engine.getSSLParameters();
        String[] protocols = only(enabledProtocols(), engine.getSupportedProtocols());
        if (protocols != null) {
            params.setProtocols(protocols);
        }
        String[] suites = only(enabledCipherSuites(), engine.getSupportedCipherSuites());
        if (suites != null) {
            params.setCipherSuites(suites);
        }
        params.setUseCipherSuitesOrder(true);
        engine.setSSLParameters(params);
        return engine;
    }

    /**
     * The wanted names the engine supports, in the wanted order; null when nothing is wanted.
     * When none is supported the result is empty and handshakes fail: a policy is never silently
     * widened to the JDK's defaults.
     */
    private static String[] only(String[] wanted, String[] supported) {
        if (wanted == null) {
            return null;
        }
        List<String> known = Arrays.asList(supported);
        return Arrays.stream(wanted).filter(known::contains).toArray(String[]::new);
    }
}
