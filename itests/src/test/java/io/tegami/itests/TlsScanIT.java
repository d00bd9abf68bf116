package io.tegami.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The distribution's TLS as outside tools see it: {@code sslscan} finds only TLS 1.2 and 1.3 and
 * only AEAD, forward-secret cipher suites on the implicit-TLS port and on both STARTTLS ports;
 * {@code openssl s_client} completes TLS 1.3 and 1.2 handshakes and is refused TLS 1.1; a
 * certificate configured at run time (RSA with a PKCS#1 key, then EC with a SEC1 key) is served
 * from the next connection on, without a restart. sslscan and openssl are required peers
 * (itests/peers.txt): without them this test fails rather than skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsScanIT {

    /** sslscan's protocol lines: {@code TLSv1.2   enabled}. */
    private static final Pattern PROTOCOL = Pattern.compile("^(SSLv2|SSLv3|TLSv1\\.[0-3])\\s+(enabled|disabled)\\s*$",
            Pattern.MULTILINE);
    /** sslscan's cipher lines: {@code Accepted  TLSv1.2  256 bits  ECDHE-ECDSA-AES256-GCM-SHA384 ...}. */
    private static final Pattern CIPHER = Pattern.compile("^(Preferred|Accepted)\\s+(\\S+)\\s+\\d+ bits\\s+(\\S+)",
            Pattern.MULTILINE);

    private Path home;
    private TestHome ports;
    private String sslscan;
    private String openssl;

    @BeforeAll
    void startServer() throws Exception {
        sslscan = DoveadmInteropIT.which("sslscan");
        openssl = DoveadmInteropIT.which("openssl");
        ports = TestHome.create("tls");
        home = ports.home;
        DoveadmInteropIT.copyTree(TegamiOptions.distribution(), home, Set.of("data", "logs", "configs"));
        Processes.Result started = run(90, home.resolve("bin/tegami").toString(), "start");
        assertEquals(0, started.exitCode(), started.toString());
        Net.awaitListening(ports.smtpPort, 30_000);
        Net.awaitListening(ports.smtpsPort, 30_000);
        Net.awaitListening(ports.submissionPort, 30_000);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (home != null && Files.exists(home.resolve("bin/tegami"))) {
            Processes.Result stopped = run(90, home.resolve("bin/tegami").toString(), "stop");
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    @Test
    @Order(1)
    void sslscanFindsOnlyModernProtocolsAndStrongCiphersOnEveryPort() throws Exception {
        scan("implicit TLS", "127.0.0.1:" + ports.smtpsPort);
        scan("STARTTLS", "--starttls-smtp", "127.0.0.1:" + ports.smtpPort);
        scan("submission", "--starttls-smtp", "127.0.0.1:" + ports.submissionPort);
    }

    private void scan(String what, String... target) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(sslscan, "--no-colour"));
        cmd.addAll(List.of(target));
        Processes.Result r = run(180, cmd.toArray(new String[0]));
        String out = r.stdout();
        assertEquals(0, r.exitCode(), what + ": " + r);
        List<String> enabled = new ArrayList<>();
        Matcher m = PROTOCOL.matcher(out);
        int lines = 0;
        while (m.find()) {
            lines++;
            if (m.group(2).equals("enabled")) {
                enabled.add(m.group(1));
            }
        }
        assertEquals(6, lines, what + ": sslscan's protocol section not found\n" + out);
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), enabled, what + "\n" + out);

        Matcher c = CIPHER.matcher(out);
        int ciphers = 0;
        while (c.find()) {
            ciphers++;
            String protocol = c.group(2);
            String cipher = c.group(3);
            assertTrue(protocol.equals("TLSv1.2") || protocol.equals("TLSv1.3"), what + ": " + c.group());
            assertFalse(cipher.matches(".*(NULL|EXP|RC4|DES|MD5|anon|ADH|AECDH|PSK|SRP).*"), what + ": weak " + cipher);
            // AEAD only: TLS 1.3's suites, and AES-GCM or ChaCha20-Poly1305 with ECDHE/DHE for TLS 1.2
            assertTrue(cipher.startsWith("TLS_") || cipher.matches("(ECDHE|DHE)-.*(GCM|CHACHA20).*"),
                    what + ": not an AEAD forward-secret suite: " + cipher);
        }
        assertTrue(ciphers >= 4, what + ": sslscan's cipher section not found\n" + out);
    }

    @Test
    @Order(2)
    void opensslHandshakesWithTls13And12AndIsRefusedTls11() throws Exception {
        for (String[] target : List.of(new String[] {"-connect", "127.0.0.1:" + ports.smtpsPort},
                new String[] {"-connect", "127.0.0.1:" + ports.smtpPort, "-starttls", "smtp"},
                new String[] {"-connect", "127.0.0.1:" + ports.submissionPort, "-starttls", "smtp"})) {
            String where = String.join(" ", target);
            assertTrue(sClient(target, "-tls1_3").stdout().contains("New, TLSv1.3, Cipher is TLS_"), where);
            String tls12 = sClient(target, "-tls1_2").stdout();
            assertTrue(tls12.matches("(?s).*New, TLSv1\\.2, Cipher is ECDHE-\\S+-(AES\\d+-GCM-SHA\\d+|CHACHA20-POLY1305).*"),
                    where + "\n" + tls12);
            // Debian's OpenSSL refuses to offer TLS 1.1 at its default security level: lower it.
            Processes.Result tls11 = sClient(target, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
            String all = tls11.stdout() + tls11.stderr();
            if (all.contains("no protocols available") || all.contains("unsupported protocol")) {
                // Only this assertion is skipped: the client cannot even offer TLS 1.1.
                System.out.println("TlsScanIT: this openssl cannot offer TLS 1.1; refusal not checked on " + where);
                continue;
            }
            assertNotEquals(0, tls11.exitCode(), where + "\n" + all);
            assertFalse(all.contains("New, TLSv1.1"), where + "\n" + all);
            assertTrue(all.contains("alert protocol version") || all.contains("New, (NONE), Cipher is (NONE)"),
                    where + "\n" + all);
        }
    }

    @Test
    @Order(3)
    void certificatesConfiguredAtRunTimeAreServedWithoutARestart() throws Exception {
        Path dir = Files.createDirectories(home.resolve("certs"));
        Path cert = dir.resolve("mail.pem");
        Path key = dir.resolve("mail.key");
        // RSA with a PKCS#1 ("BEGIN RSA PRIVATE KEY") key
        assertEquals(0, run(60, openssl, "genrsa", "-traditional", "-out", key.toString(), "2048").exitCode());
        assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        selfSign(key, cert, "rsa.example.org");
        Processes.Result set = run(60, home.resolve("bin/tegami-ctl").toString(), "postconf",
                "smtpd_tls_cert_file=" + cert, "smtpd_tls_key_file=" + key);
        assertEquals(0, set.exitCode(), set.toString());
        assertServes("rsa.example.org");

        // the files replaced in place: EC P-384 with a SEC1 ("BEGIN EC PRIVATE KEY") key
        Path ecKey = dir.resolve("ec.key");
        assertEquals(0, run(60, openssl, "ecparam", "-genkey", "-name", "secp384r1", "-noout", "-out", ecKey.toString())
                .exitCode());
        assertTrue(Files.readString(ecKey).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        Path ecCert = dir.resolve("ec.pem");
        selfSign(ecKey, ecCert, "ec.example.org");
        Files.copy(ecKey, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ecCert, cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FileTime later = FileTime.from(Instant.now().plusSeconds(2));
        Files.setLastModifiedTime(key, later);
        Files.setLastModifiedTime(cert, later);
        assertServes("ec.example.org");
    }

    private void selfSign(Path key, Path cert, String cn) throws Exception {
        Processes.Result r = run(60, openssl, "req", "-new", "-x509", "-key", key.toString(), "-out", cert.toString(),
                "-days", "2", "-subj", "/CN=" + cn);
        assertEquals(0, r.exitCode(), r.toString());
    }

    private void assertServes(String cn) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        String seen = "";
        while (System.currentTimeMillis() < deadline) {
            for (String port : List.of(Integer.toString(ports.smtpsPort))) {
                seen = sClient(new String[] {"-connect", "127.0.0.1:" + port}, "-showcerts").stdout();
                if (seen.contains("CN = " + cn) || seen.contains("CN=" + cn)) {
                    String starttls = sClient(new String[] {"-connect", "127.0.0.1:" + ports.smtpPort, "-starttls",
                        "smtp"}).stdout();
                    assertTrue(starttls.contains(cn), "STARTTLS serves the new certificate too\n" + starttls);
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("still not serving " + cn + ":\n" + seen + "\nlog:\n"
                + Files.readString(home.resolve("logs/tegami.log")));
    }

    private Processes.Result sClient(String[] target, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(openssl, "s_client"));
        cmd.addAll(List.of(target));
        cmd.addAll(List.of(options));
        cmd.add("-servername");
        cmd.add("localhost");
        return runWithClosedInput(cmd);
    }

    /** openssl s_client waits on standard input: give it an empty one so it closes at once. */
    private Processes.Result runWithClosedInput(List<String> cmd) throws Exception {
        List<String> shell = List.of("sh", "-c", "exec \"$@\" </dev/null", "s_client");
        List<String> all = new ArrayList<>(shell);
        all.addAll(cmd);
        return run(60, all.toArray(new String[0]));
    }

    private Processes.Result run(long timeoutSeconds, String... cmd) throws Exception {
        return Processes.run(home, timeoutSeconds, cmd);
    }
}
