package io.tegami.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server context, rebuilt when the certificate files change. Each call compares a cheap
 * {@link FileStamp} with the one loaded; a change triggers a reload, and a file that does not
 * load keeps the previous context in service (logged once per change), so a half-copied or
 * mismatched certificate never takes TLS down.
 */
final class ReloadingServerContext {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingServerContext.class);

    private SSLContext context;
    private FileStamp loaded;
    private FileStamp failed;
    private String failure;

    /**
     * The context for {@code files}, generating the self-signed pair first if that is what is
     * configured and it does not exist yet.
     *
     * @throws IllegalStateException if no context could ever be built
     */
    synchronized SSLContext get(CertificateFiles files, String hostname) {
        if (files.selfSigned()) {
            try {
                SelfSignedCertificates.ensure(files, hostname);
            } catch (IOException | GeneralSecurityException e) {
                return keepOrFail(FileStamp.of(files), "cannot create a self-signed certificate in "
                        + files.cert().getParent() + ": " + e);
            }
        }
        FileStamp stamp = FileStamp.of(files);
        if (stamp.equals(loaded)) {
            return context;
        }
        if (stamp.equals(failed)) {
            return keepOrFail(stamp, failure);
        }
        try {
            KeyMaterial material = PemFiles.read(files.cert(), files.key());
            SSLContext fresh = ServerContexts.build(material);
            context = fresh;
            loaded = stamp;
            failed = null;
            describe(material.certificate(), files);
            return fresh;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return keepOrFail(stamp, "cannot load TLS certificate " + files.cert() + " with key " + files.key()
                    + ": " + e.getMessage());
        }
    }

    private SSLContext keepOrFail(FileStamp stamp, String why) {
        if (!stamp.equals(failed)) {
            failed = stamp;
            failure = why;
            LOG.error("{}{}", why, context == null ? "" : "; keeping the certificate loaded before");
        }
        if (context == null) {
            throw new IllegalStateException(why);
        }
        return context;
    }

    private static void describe(X509Certificate cert, CertificateFiles files) {
        LOG.info("TLS certificate {} from {}, valid until {}", cert.getSubjectX500Principal().getName(),
                files.cert(), cert.getNotAfter().toInstant());
        if (cert.getNotAfter().toInstant().isBefore(Instant.now())) {
            LOG.warn("TLS certificate {} has expired: clients will refuse it", files.cert());
        }
    }
}
