package io.tegami.tls;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A private key and its certificate chain, server certificate first.
 *
 * @param key the private key
 * @param chain the certificates: the one matching the key first, then the issuers
 */
record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {

    KeyMaterial {
        chain = List.copyOf(chain);
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Puts the certificate that belongs to the key first (PEM files list them in any order), and
     * fails if none does: a mismatched pair would otherwise only show as failed handshakes.
     */
    static KeyMaterial matched(PrivateKey key, List<X509Certificate> certificates) throws GeneralSecurityException {
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate found");
        }
        for (X509Certificate c : certificates) {
            if (matches(key, c)) {
                List<X509Certificate> ordered = new ArrayList<>(certificates);
                ordered.remove(c);
                ordered.add(0, c);
                return new KeyMaterial(key, ordered);
            }
        }
        throw new GeneralSecurityException("the private key does not belong to any of the certificates");
    }

    /** Signs a random challenge with the key and checks it with the certificate's public key. */
    private static boolean matches(PrivateKey key, X509Certificate cert) throws GeneralSecurityException {
        if (!key.getAlgorithm().equalsIgnoreCase(cert.getPublicKey().getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "ED25519", "ED448", "EDDSA" -> key.getAlgorithm();
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true; // an algorithm we cannot test: trust the file's order
        }
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(challenge);
        return verifier.verify(signature);
    }
}
