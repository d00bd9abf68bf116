package io.tegami.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;

class ReloadTest {

    @TempDir
    Path home;

    private int tick;

    /** Writes a file and moves its modification time forward, as a later edit would. */
    private void write(String name, String text) throws Exception {
        Path file = home.resolve(name);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(++tick * 10L)));
    }

    private void install(KeyMaterial m) throws Exception {
        write("cert.pem", PemFiles.encode(m.chain()));
        write("key.pem", PemFiles.encode(m.key()));
    }

    private static void assertServes(KeyMaterial expected, DefaultTlsProvider provider) throws Exception {
        Handshakes.Result r = Handshakes.connect(provider.serverContext(), provider.enabledProtocols(),
                Handshakes.trusting(expected.certificate()), "localhost");
        assertEquals(expected.certificate(), r.peer());
    }

    @Test
    void configuredFilesAreReloadedWhenTheyChangeAndABrokenOneKeepsTheOld() throws Exception {
        KeyMaterial a = SelfSignedCertificates.generate("localhost");
        install(a);
        DefaultTlsProvider provider = new DefaultTlsProvider(MapMailParameters.of(home,
                "smtpd_tls_cert_file", "cert.pem", "smtpd_tls_key_file", home.resolve("key.pem").toString()));
        SSLContext first = provider.serverContext();
        assertSame(first, provider.serverContext(), "no change, no rebuild");
        assertServes(a, provider);

        KeyMaterial b = SelfSignedCertificates.generate("localhost");
        install(b);
        SSLContext second = provider.serverContext();
        assertNotSame(first, second);
        assertServes(b, provider);

        write("cert.pem", "-----BEGIN CERTIFICATE-----\ntruncated");
        assertSame(second, provider.serverContext(), "a broken file keeps the previous context");
        assertSame(second, provider.serverContext());

        KeyMaterial c = SelfSignedCertificates.generate("localhost");
        write("cert.pem", PemFiles.encode(c.chain()));
        assertSame(second, provider.serverContext(), "new certificate with the old key: mismatch, kept");
        write("key.pem", PemFiles.encode(c.key()));
        assertServes(c, provider);
    }

    @Test
    void keyDefaultsToTheCertificateFileAndDovecotNamesWork() throws Exception {
        KeyMaterial m = SelfSignedCertificates.generate("localhost");
        write("both.pem", PemFiles.encode(m.chain()) + PemFiles.encode(m.key()));
        assertServes(m, new DefaultTlsProvider(MapMailParameters.of(home, "smtpd_tls_cert_file", "both.pem")));
        assertServes(m, new DefaultTlsProvider(MapMailParameters.of(home, "ssl_cert", "<both.pem", "ssl_key", "<both.pem")));
    }

    @Test
    void unusableFilesFromTheStartAreAnError() throws Exception {
        write("cert.pem", "nothing here");
        DefaultTlsProvider provider = new DefaultTlsProvider(MapMailParameters.of(home, "smtpd_tls_cert_file", "cert.pem"));
        provider.activate(); // logs, does not throw: the component stays up
        assertThrows(IllegalStateException.class, provider::serverContext);
        assertThrows(IllegalStateException.class, provider::serverContext);
    }
}
