package io.tegami.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

    @TempDir
    Path dir;

    /** PEM text of an RSA key pair the "traditional" way: PKCS#1. */
    private static String traditional(KeyPair pair) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(pair);
        }
        return out.toString();
    }

    /** PEM text of an EC key in SEC1 form with its curve inside, as openssl writes it. */
    private static String sec1(KeyPair pair) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey withCurve = new ECPrivateKey(256, inner.getKey(), inner.getPublicKey(),
                info.getPrivateKeyAlgorithm().getParameters());
        StringWriter out = new StringWriter();
        try (PemWriter pem = new PemWriter(out)) {
            pem.writeObject(new PemObject("EC PRIVATE KEY", withCurve.getEncoded()));
        }
        return out.toString();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void pkcs8EcKeyAsWritten() throws Exception {
        KeyMaterial m = SelfSignedCertificates.generate("a.example");
        Path cert = write("cert.pem", PemFiles.encode(m.chain()));
        Path key = write("key.pem", PemFiles.encode(m.key()));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        KeyMaterial read = PemFiles.read(cert, key);
        assertEquals(m.certificate(), read.certificate());
        assertEquals(m.key(), read.key());
    }

    @Test
    void pkcs1RsaKey() throws Exception {
        KeyPair pair = rsa();
        KeyMaterial m = SelfSignedCertificates.certify("rsa.example", pair);
        String pem = traditional(pair);
        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pem);
        KeyMaterial read = PemFiles.read(write("cert.pem", PemFiles.encode(m.chain())), write("key.pem", pem));
        assertEquals(m.certificate(), read.certificate());
        assertEquals("RSA", read.key().getAlgorithm());
        ServerContexts.build(read); // usable
    }

    @Test
    void sec1EcKeyAndCertificateInOneFileKeyFirst() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair pair = g.generateKeyPair();
        KeyMaterial m = SelfSignedCertificates.certify("ec.example", pair);
        String key = sec1(pair);
        Path both = write("both.pem", key + PemFiles.encode(m.chain()));
        assertEquals(m.certificate(), PemFiles.read(both, both).certificate());
    }

    @Test
    void theCertificateOfTheKeyComesFirstInTheChain() throws Exception {
        KeyMaterial other = SelfSignedCertificates.generate("other.example");
        KeyMaterial mine = SelfSignedCertificates.generate("mine.example");
        Path cert = write("chain.pem", PemFiles.encode(List.of(other.certificate(), mine.certificate())));
        KeyMaterial read = PemFiles.read(cert, write("key.pem", PemFiles.encode(mine.key())));
        assertEquals(List.of(mine.certificate(), other.certificate()), read.chain());
    }

    @Test
    void mismatchedOrMissingPartsAreRefused() throws Exception {
        KeyMaterial a = SelfSignedCertificates.generate("a.example");
        KeyMaterial b = SelfSignedCertificates.generate("b.example");
        Path cert = write("cert.pem", PemFiles.encode(a.chain()));
        Path wrongKey = write("key.pem", PemFiles.encode(b.key()));
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> PemFiles.read(cert, wrongKey));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
        assertThrows(GeneralSecurityException.class, () -> PemFiles.read(cert, cert));
        assertThrows(GeneralSecurityException.class, () -> PemFiles.read(wrongKey, wrongKey));
        assertThrows(IOException.class, () -> PemFiles.read(cert, dir.resolve("missing.pem")));
        Path garbage = write("garbage.pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        assertThrows(IOException.class, () -> PemFiles.read(garbage, wrongKey));
    }

    /** Files made by the openssl tool, in its three key formats (skipped where openssl is absent). */
    @Test
    void filesMadeByOpenssl() throws Exception {
        assumeTrue(openssl("version"), "openssl is not installed");
        String[][] keys = {
            {"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pkcs8.pem"},
            {"genrsa", "-traditional", "-out", "pkcs1.pem", "2048"},
            {"ecparam", "-name", "prime256v1", "-genkey", "-out", "sec1.pem"},
            {"genpkey", "-algorithm", "RSA", "-aes256", "-pass", "pass:secret", "-out", "encrypted.pem"}};
        for (String[] k : keys) {
            assertTrue(openssl(k), String.join(" ", k));
        }
        assertTrue(Files.readString(dir.resolve("pkcs1.pem")).contains("BEGIN RSA PRIVATE KEY"));
        assertTrue(Files.readString(dir.resolve("sec1.pem")).contains("BEGIN EC PARAMETERS"));
        for (String key : List.of("pkcs8.pem", "pkcs1.pem", "sec1.pem")) {
            String cert = key.replace(".pem", "-cert.pem");
            assertTrue(openssl("req", "-new", "-x509", "-key", key, "-subj", "/CN=localhost", "-days", "2",
                    "-addext", "subjectAltName=DNS:localhost", "-out", cert));
            KeyMaterial m = PemFiles.read(dir.resolve(cert), dir.resolve(key));
            assertEquals("CN=localhost", m.certificate().getSubjectX500Principal().getName());
            Handshakes.Result r = Handshakes.connect(ServerContexts.build(m), new String[] {"TLSv1.3", "TLSv1.2"},
                    Handshakes.trusting(m.certificate()), "localhost");
            assertEquals(m.certificate(), r.peer(), key);
        }
        Path enc = dir.resolve("encrypted.pem");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> PemFiles.read(enc, enc));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    private boolean openssl(String... args) throws InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
