package io.tegami.tls;

import java.util.Arrays;
import java.util.List;

/**
 * The cipher suites Tegami's servers offer, strongest first and the server's order preferred:
 * TLS 1.3's three AEAD suites, and for TLS 1.2 only forward-secret key exchange (ECDHE, DHE)
 * with an AEAD cipher (AES-GCM, ChaCha20-Poly1305). This is the "intermediate" profile of
 * Mozilla's server-side TLS guidelines, which every mail client of the last decade meets; it
 * leaves out NULL, EXPORT, RC4, DES and 3DES (broken), static RSA key exchange (no forward
 * secrecy) and CBC suites (padding-oracle attacks such as Lucky 13, and SHA-1 MACs). Suites the
 * running JDK does not support are skipped.
 */
final class CipherPolicy {

    /** Preference order. The SCSV only signals secure renegotiation (RFC 5746) to old clients. */
    static final List<String> PREFERRED = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");

    private CipherPolicy() {
    }

    /** The preferred suites among {@code supported}, in preference order. */
    static String[] enabled(String[] supported) {
        List<String> known = Arrays.asList(supported);
        return PREFERRED.stream().filter(known::contains).toArray(String[]::new);
    }
}
