package io.tegami.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;

class SelfSignedTest {

    @TempDir
    Path home;

    @Test
    void generatedOnFirstStartAndReusedAfterwards() throws Exception {
        MapMailParameters params = MapMailParameters.of(home, "myhostname", "mail.example.org", "data_directory", "var");
        DefaultTlsProvider first = new DefaultTlsProvider(params);
        first.activate();
        Path dir = home.resolve("var/tls");
        Path certFile = dir.resolve("selfsigned-cert.pem");
        Path keyFile = dir.resolve("selfsigned-key.pem");
        assertTrue(Files.exists(certFile) && Files.exists(keyFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        byte[] certBytes = Files.readAllBytes(certFile);
        byte[] keyBytes = Files.readAllBytes(keyFile);

        X509Certificate cert = PemFiles.read(certFile, keyFile).certificate();
        assertEquals("CN=mail.example.org", cert.getSubjectX500Principal().getName());
        List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        assertTrue(names.containsAll(List.of("mail.example.org", "localhost", "127.0.0.1")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("0:0:0:0:0:0:0:1")), names.toString());
        assertTrue(cert.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(3600))));

        DefaultTlsProvider second = new DefaultTlsProvider(params);
        SSLContext context = second.serverContext();
        assertArrayEquals(certBytes, Files.readAllBytes(certFile), "reused, not regenerated");
        assertArrayEquals(keyBytes, Files.readAllBytes(keyFile));
        assertSame(context, second.serverContext(), "unchanged files: the same context");

        for (String host : List.of("localhost", "127.0.0.1")) {
            Handshakes.Result r = Handshakes.connect(context, second.enabledProtocols(), Handshakes.trusting(cert), host);
            assertEquals(cert, r.peer());
            assertEquals("TLSv1.3", r.protocol());
        }
    }

    @Test
    void defaultDataDirectoryIsUnderHome() throws Exception {
        DefaultTlsProvider provider = new DefaultTlsProvider(MapMailParameters.of(home));
        provider.serverContext();
        assertTrue(Files.exists(home.resolve("data/tls/selfsigned-cert.pem")));
    }

    @Test
    void aDeletedPairIsGeneratedAgain() throws Exception {
        DefaultTlsProvider provider = new DefaultTlsProvider(MapMailParameters.of(home));
        SSLContext before = provider.serverContext();
        Files.delete(home.resolve("data/tls/selfsigned-key.pem"));
        assertNotSame(before, provider.serverContext());
        assertTrue(Files.exists(home.resolve("data/tls/selfsigned-key.pem")));
    }

    @Test
    void clientContextAndProtocols() throws Exception {
        DefaultTlsProvider provider = new DefaultTlsProvider(MapMailParameters.of(home));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), Arrays.asList(provider.enabledProtocols()));
        assertSame(provider.clientContext(), provider.clientContext());
        assertTrue(provider.clientContext().getSocketFactory().getDefaultCipherSuites().length > 0);
    }
}
