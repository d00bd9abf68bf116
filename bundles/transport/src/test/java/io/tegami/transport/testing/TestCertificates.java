package io.tegami.transport.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A self-signed server certificate for tests, made once per JVM with the JDK's keytool. */
public final class TestCertificates {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static SSLContext context;

    private TestCertificates() {
    }

    public static synchronized SSLContext serverContext() throws Exception {
        if (context == null) {
            Path dir = Files.createTempDirectory("tegami-test-tls");
            Path store = dir.resolve("server.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), null, null);
            context = c;
        }
        return context;
    }
}
