package io.tegami.smtp.session;

import javax.net.ssl.SSLSession;

/**
 * Describes a TLS session the way Postfix logs it and writes it into Received: headers:
 * {@code TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)}.
 */
public final class TlsSummary {

    private TlsSummary() {
    }

    /** The protocol, cipher and, when the cipher name tells, its strength. */
    public static String of(SSLSession session) {
        String cipher = session.getCipherSuite();
        int bits = cipherBits(cipher);
        String text = session.getProtocol() + " with cipher " + cipher;
        return bits > 0 ? text + " (" + bits + "/" + bits + " bits)" : text;
    }

    /** JSSE does not report key sizes; the cipher suite name carries them for the common suites. */
    static int cipherBits(String cipher) {
        if (cipher.contains("AES_256") || cipher.contains("CHACHA20") || cipher.contains("CAMELLIA_256")) {
            return 256;
        }
        if (cipher.contains("AES_128") || cipher.contains("CAMELLIA_128")) {
            return 128;
        }
        return 0;
    }
}
