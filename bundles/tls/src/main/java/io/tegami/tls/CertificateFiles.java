package io.tegami.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a listener's server certificate and key are: the admin's PEM files, or the generated
 * self-signed pair under {@code $data_directory/tls/}.
 *
 * <p>Both Postfix's and Dovecot's names are read: {@code smtpd_tls_cert_file} /
 * {@code smtpd_tls_key_file}, {@code ssl_cert} / {@code ssl_key} (whose values start with '<',
 * "read from file") and Dovecot 1.x's {@code ssl_cert_file} / {@code ssl_key_file}. A listener's
 * own option beats every global parameter; among names of the same level, SMTP listeners look at
 * Postfix's first and other listeners at Dovecot's. The key defaults to the certificate file
 * (both in one PEM), as in Postfix.
 *
 * @param cert the PEM certificate (chain) file
 * @param key the PEM private key file (may be the same file as {@code cert})
 * @param selfSigned true for the generated pair, which is created when missing
 */
record CertificateFiles(Path cert, Path key, boolean selfSigned) {

    /** A certificate parameter and the key parameter that goes with it. */
    private record Names(String cert, String key) {
    }

    private static final Names POSTFIX = new Names("smtpd_tls_cert_file", "smtpd_tls_key_file");
    private static final Names DOVECOT = new Names("ssl_cert", "ssl_key");
    private static final Names DOVECOT_1 = new Names("ssl_cert_file", "ssl_key_file");

    static final String SELF_SIGNED_CERT = "selfsigned-cert.pem";
    static final String SELF_SIGNED_KEY = "selfsigned-key.pem";

    /** Reads the settings now: they may change at run time. */
    static CertificateFiles locate(ListenerSettings settings) {
        List<Names> order = settings.smtp() ? List.of(POSTFIX, DOVECOT, DOVECOT_1) : List.of(DOVECOT, DOVECOT_1, POSTFIX);
        for (Function<String, Optional<String>> level : List.<Function<String, Optional<String>>>of(
                settings::local, settings::global)) {
            for (Names names : order) {
                Optional<Path> cert = level.apply(names.cert()).flatMap(v -> file(settings, v));
                if (cert.isPresent()) {
                    Path key = level.apply(names.key()).flatMap(v -> file(settings, v)).orElse(cert.get());
                    return new CertificateFiles(cert.get(), key, false);
                }
            }
        }
        Path data = settings.global("data_directory").map(settings::path)
                .orElse(settings.params().home().resolve("data"));
        Path dir = data.resolve("tls");
        return new CertificateFiles(dir.resolve(SELF_SIGNED_CERT), dir.resolve(SELF_SIGNED_KEY), true);
    }

    private static Optional<Path> file(ListenerSettings settings, String value) {
        String v = value.startsWith("<") ? value.substring(1).trim() : value; // Dovecot's "read from file" marker
        return v.isEmpty() ? Optional.empty() : Optional.of(settings.path(v)); // an absolute value stays as it is
    }
}
