package io.tegami.tls;

import java.nio.file.Path;
import java.util.Optional;

import io.tegami.api.config.MailParameters;

/**
 * Where the server certificate and key are: the admin's PEM files, or the generated self-signed
 * pair under {@code $data_directory/tls/}.
 *
 * @param cert the PEM certificate (chain) file
 * @param key the PEM private key file (may be the same file as {@code cert})
 * @param selfSigned true for the generated pair, which is created when missing
 */
record CertificateFiles(Path cert, Path key, boolean selfSigned) {

    static final String CERT_FILE = "smtpd_tls_cert_file";
    static final String KEY_FILE = "smtpd_tls_key_file";
    /** Dovecot's names, used when the Postfix ones are unset; values may start with '<'. */
    static final String DOVECOT_CERT = "ssl_cert";
    static final String DOVECOT_KEY = "ssl_key";

    static final String SELF_SIGNED_CERT = "selfsigned-cert.pem";
    static final String SELF_SIGNED_KEY = "selfsigned-key.pem";

    /** Reads the parameters now: they may change at run time. */
    static CertificateFiles locate(MailParameters params) {
        Optional<Path> cert = path(params, CERT_FILE).or(() -> path(params, DOVECOT_CERT));
        if (cert.isPresent()) {
            // As in Postfix, smtpd_tls_key_file defaults to the certificate file (both in one PEM).
            Path key = path(params, KEY_FILE).or(() -> path(params, DOVECOT_KEY)).orElse(cert.get());
            return new CertificateFiles(cert.get(), key, false);
        }
        Path data = path(params, "data_directory").orElse(params.home().resolve("data"));
        Path dir = data.resolve("tls");
        return new CertificateFiles(dir.resolve(SELF_SIGNED_CERT), dir.resolve(SELF_SIGNED_KEY), true);
    }

    private static Optional<Path> path(MailParameters params, String name) {
        return params.get(name)
                .map(String::trim)
                .map(v -> v.startsWith("<") ? v.substring(1).trim() : v) // Dovecot's "read from file" marker
                .filter(v -> !v.isEmpty())
                .map(v -> params.home().resolve(v)); // an absolute value stays as it is
    }
}
