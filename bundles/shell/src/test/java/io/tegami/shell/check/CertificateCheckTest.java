package io.tegami.shell.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateCheckTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Findings findings = new Findings(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final Instant now = Instant.parse("2030-01-01T00:00:00Z");

    private Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    private String check(String cert, String key, Instant at) throws IOException {
        CertificateCheck.check("smtpd_tls_cert_file", fixture(cert), fixture(key), at,
                new PermissionCheck(System.getProperty("user.name"), findings), findings);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rsaPkcs1EcSec1AndEd25519PairsPass() throws IOException {
        assertEquals("", check("rsa.crt", "rsa-pkcs1.key", now));
        assertEquals("", check("ec.crt", "ec-sec1.key", now));
        assertEquals("", check("ed25519.crt", "ed25519.key", now));
        assertEquals(0, findings.errors());
    }

    @Test
    void aKeyOfAnotherCertificateIsAnError() throws IOException {
        String out = check("rsa.crt", "other-pkcs8.key", now);
        assertTrue(out.startsWith("postfix/postfix-script: error: smtpd_tls_cert_file: the private key in \""), out);
        assertTrue(out.contains("does not match the certificate in"), out);
        assertEquals(1, findings.errors());
    }

    @Test
    void expiredIsAnErrorAndSoonAWarning() throws IOException {
        String out = check("rsa.crt", "rsa-pkcs1.key", Instant.parse("2127-01-01T00:00:00Z"));
        assertTrue(out.contains("error: smtpd_tls_cert_file: certificate \"CN=mx.example.com\""), out);
        assertTrue(out.contains("expired on 2126-"), out);
        bytes.reset();
        out = check("ec.crt", "ec-sec1.key", Instant.parse("2126-10-20T00:00:00Z"));
        assertTrue(out.startsWith("postfix/postfix-script: warning: smtpd_tls_cert_file: certificate \"CN=ec.example.com\""), out);
        assertEquals(1, findings.errors());
    }

    @Test
    void missingFilesAndReadableKeys() throws IOException {
        Path cert = fixture("rsa.crt");
        CertificateCheck.check("ssl_cert", cert, dir.resolve("nope.key"), now,
                new PermissionCheck(System.getProperty("user.name"), findings), findings);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains(
                "error: ssl_cert: cannot get private key from file \"" + dir.resolve("nope.key")
                        + "\": No such file or directory"));
        bytes.reset();
        Path key = fixture("rsa-pkcs1.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        CertificateCheck.check("ssl_cert", cert, key, now, new PermissionCheck(System.getProperty("user.name"), findings),
                findings);
        assertEquals("postfix/postfix-script: warning: group or other readable: " + key + "\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dovecotsAngleBracketPaths() {
        assertEquals(Path.of("/etc/ssl/x.pem"), CertificateCheck.path(Path.of("/opt/t"), "</etc/ssl/x.pem"));
        assertEquals(Path.of("/opt/t/configs/x.pem"), CertificateCheck.path(Path.of("/opt/t"), "configs/x.pem"));
    }
}
