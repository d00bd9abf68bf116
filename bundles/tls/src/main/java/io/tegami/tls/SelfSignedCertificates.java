package io.tegami.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate Tegami uses when the admin configured none: EC P-256, CN and SAN from
 * {@code myhostname} plus the loopback names, valid ten years. Kept on disk so that clients that
 * pinned it on first use keep seeing the same one after a restart.
 */
final class SelfSignedCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificates.class);
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificates() {
    }

    /** Generates the pair into {@code files} unless both files exist already. */
    static void ensure(CertificateFiles files, String hostname) throws IOException, GeneralSecurityException {
        if (Files.exists(files.cert()) && Files.exists(files.key())) {
            return;
        }
        KeyMaterial generated = generate(hostname);
        SecureFiles.privateDirectory(files.key().toAbsolutePath().getParent());
        // Key first: a certificate file without its key would be taken as a finished pair.
        SecureFiles.write(files.key(), PemFiles.encode(generated.key()), "rw-------");
        SecureFiles.write(files.cert(), PemFiles.encode(generated.chain()), "rw-r--r--");
        LOG.info("generated a self-signed TLS certificate for {} in {}", hostname, files.cert().getParent());
    }

    /** A fresh EC P-256 key pair and self-signed certificate for {@code hostname}. */
    static KeyMaterial generate(String hostname) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return certify(hostname, generator.generateKeyPair());
    }

    /** A self-signed certificate for an EC or RSA key pair. */
    static KeyMaterial certify(String hostname, KeyPair pair) throws GeneralSecurityException {
        boolean rsa = pair.getPrivate().getAlgorithm().equals("RSA");
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostname).build();
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(62); // positive, non-zero
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofDays(1))), // tolerate a client clock a little behind
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostname));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(rsa
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth}));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(rsa ? "SHA256withRSA" : "SHA256withECDSA").build(pair.getPrivate())));
            return new KeyMaterial(pair.getPrivate(), List.of(cert));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build the self-signed certificate", e);
        }
    }

    private static GeneralNames alternativeNames(String hostname) {
        Set<String> dns = new LinkedHashSet<>(List.of(hostname.toLowerCase(Locale.ROOT), "localhost"));
        GeneralName[] names = new GeneralName[dns.size() + 2];
        int i = 0;
        for (String name : dns) {
            names[i++] = new GeneralName(GeneralName.dNSName, name);
        }
        names[i++] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
        names[i] = new GeneralName(GeneralName.iPAddress, "::1");
        return new GeneralNames(names);
    }
}
