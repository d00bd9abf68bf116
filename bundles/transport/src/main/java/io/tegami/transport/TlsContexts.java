package io.tegami.transport;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The client's TLS contexts: for {@code may} and {@code encrypt}, one that accepts any certificate
 * (Postfix neither verifies nor logs a failed verification as an error at these levels: the
 * point is encryption against passive listeners); for {@code verify}, the JDK's default, which
 * checks the chain against the JDK's trust store.
 */
final class TlsContexts {

    private volatile SSLContext anyCertificate;

    SSLContext forLevel(SmtpSettings.TlsLevel level) throws GeneralSecurityException {
        return level == SmtpSettings.TlsLevel.VERIFY ? SSLContext.getDefault() : anyCertificate();
    }

    private SSLContext anyCertificate() throws NoSuchAlgorithmException, java.security.KeyManagementException {
        SSLContext c = anyCertificate;
        if (c == null) {
            c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new AnyCertificate()}, new SecureRandom());
            anyCertificate = c;
        }
        return c;
    }

    /** Accepts every server certificate; used only where the policy does not authenticate servers. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // a client context: never asked
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // opportunistic or unauthenticated mandatory TLS: any certificate
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
