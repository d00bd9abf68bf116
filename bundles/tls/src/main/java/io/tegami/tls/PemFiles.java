package io.tegami.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM certificates and keys with BouncyCastle's parser, converting to JDK types
 * with the JDK's own providers (BouncyCastle is not registered as a JCA provider).
 *
 * <p>Keys may be PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}, with or without {@code EC PARAMETERS}); certificate and key may share
 * one file, as Postfix allows. Encrypted keys are refused: a mail server restarts unattended.
 */
final class PemFiles {

    private PemFiles() {
    }

    /** Reads the key and the certificate chain from one or two files. */
    static KeyMaterial read(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> certs = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        parse(certFile, certs, keys);
        if (!keyFile.equals(certFile)) {
            parse(keyFile, new ArrayList<>(), keys);
        }
        if (certs.isEmpty()) {
            throw new GeneralSecurityException("no CERTIFICATE in " + certFile);
        }
        if (keys.isEmpty()) {
            throw new GeneralSecurityException("no private key in " + keyFile);
        }
        return KeyMaterial.matched(keys.get(0), certs);
    }

    private static void parse(Path file, List<X509Certificate> certs, List<PrivateKey> keys)
            throws IOException, GeneralSecurityException {
        JcaX509CertificateConverter certConverter = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(certConverter.getCertificate(holder));
                } else if (o instanceof PrivateKeyInfo info) {
                    keys.add(keyConverter.getPrivateKey(info));
                } else if (o instanceof PEMKeyPair pair) {
                    keys.add(keyConverter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new GeneralSecurityException("encrypted private key in " + file
                            + " is not supported; store it unencrypted with mode 0600");
                }
                // Anything else (EC PARAMETERS, CRLs...) is not ours to use.
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The certificates, PEM encoded. */
    static String encode(List<X509Certificate> certs) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate c : certs) {
                pem.writeObject(c);
            }
        }
        return out.toString();
    }

    /** The key as unencrypted PKCS#8 ({@code PRIVATE KEY}), PEM encoded. */
    static String encode(PrivateKey key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        }
        return out.toString();
    }
}
