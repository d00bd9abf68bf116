package io.tegami.shell.check;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Checks a certificate and its private key as the TLS engine will need them: both readable, the
 * key belonging to one of the certificates (a signature made with the key verifies with the
 * certificate's public key), and the certificate valid now. Words follow Postfix's TLS warnings
 * ({@code cannot get certificate from file "..."}, {@code cannot get private key from file "..."}).
 * A certificate that expires within {@link #SOON} is a warning; one that has expired, an error.
 */
final class CertificateCheck {

    static final Duration SOON = Duration.ofDays(30);

    private CertificateCheck() {
    }

    /**
     * @param what the parameters that name the files, for the messages ({@code smtpd_tls_cert_file})
     */
    static void check(String what, Path certFile, Path keyFile, Instant now, PermissionCheck permissions,
            Findings findings) {
        List<X509Certificate> certs;
        try {
            certs = PemKeys.certificates(PemKeys.read(certFile));
        } catch (NoSuchFileException e) {
            findings.error(what + ": cannot get certificate from file \"" + certFile + "\": No such file or directory");
            return;
        } catch (IOException | GeneralSecurityException e) {
            findings.error(what + ": cannot get certificate from file \"" + certFile + "\": " + e.getMessage());
            return;
        }
        if (certs.isEmpty()) {
            findings.error(what + ": cannot get certificate from file \"" + certFile + "\": no CERTIFICATE in it");
            return;
        }
        PrivateKey key;
        try {
            key = PemKeys.privateKey(PemKeys.read(keyFile));
        } catch (NoSuchFileException e) {
            findings.error(what + ": cannot get private key from file \"" + keyFile + "\": No such file or directory");
            return;
        } catch (IOException | GeneralSecurityException e) {
            findings.error(what + ": cannot get private key from file \"" + keyFile + "\": " + e.getMessage());
            return;
        }
        if (key == null) {
            findings.error(what + ": cannot get private key from file \"" + keyFile + "\": no private key in it");
            return;
        }
        permissions.secret(keyFile);
        X509Certificate cert = certs.stream().filter(c -> matches(key, c)).findFirst().orElse(null);
        if (cert == null) {
            findings.error(what + ": the private key in \"" + keyFile + "\" does not match the certificate in \""
                    + certFile + "\"");
            return;
        }
        Instant notAfter = cert.getNotAfter().toInstant();
        Instant notBefore = cert.getNotBefore().toInstant();
        String subject = cert.getSubjectX500Principal().getName();
        if (now.isAfter(notAfter)) {
            findings.error(what + ": certificate \"" + subject + "\" in \"" + certFile + "\" expired on " + notAfter);
        } else if (now.isBefore(notBefore)) {
            findings.error(what + ": certificate \"" + subject + "\" in \"" + certFile + "\" is not valid before "
                    + notBefore);
        } else if (now.plus(SOON).isAfter(notAfter)) {
            findings.warning(what + ": certificate \"" + subject + "\" in \"" + certFile + "\" expires on " + notAfter);
        }
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    static boolean matches(PrivateKey key, X509Certificate cert) {
        if (!key.getAlgorithm().equalsIgnoreCase(cert.getPublicKey().getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        try {
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
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A file name from a parameter: Dovecot's {@code ssl_cert = </path} form, or a plain path. */
    static Path path(Path home, String value) {
        String v = value.strip();
        if (v.startsWith("<")) {
            v = v.substring(1).strip();
        }
        Path p = Path.of(v);
        return p.isAbsolute() ? p : home.resolve(p).normalize();
    }
}
