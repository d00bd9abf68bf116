package io.tegami.tls;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.api.tls.TlsProvider;

/**
 * The default {@link TlsProvider} ({@code name=default}): the certificate and key named by
 * {@code smtpd_tls_cert_file} / {@code smtpd_tls_key_file} (or Dovecot's {@code ssl_cert} /
 * {@code ssl_key}), else a self-signed pair generated once under {@code $data_directory/tls/}.
 *
 * <p>Immediate, so that the self-signed certificate exists from the first start on. The
 * parameters and the files are looked at on each {@link #serverContext()} call (two file stats),
 * so a renewed certificate applies to the next handshake without a restart.
 */
@Component(service = TlsProvider.class, immediate = true, property = TlsProvider.NAME + "=default")
public final class DefaultTlsProvider implements TlsProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTlsProvider.class);
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    private final ReloadingServerContext server = new ReloadingServerContext();
    private volatile SSLContext client;
    private volatile String[] protocols;

    /** For DS. */
    public DefaultTlsProvider() {
    }

    /** For tests. */
    DefaultTlsProvider(MailParameters parameters) {
        this.parameters = parameters;
    }

    @Activate
    void activate() {
        try {
            serverContext();
        } catch (IllegalStateException e) {
            // Already logged; TLS handshakes will fail until the files are fixed.
            LOG.debug("no server certificate yet", e);
        }
    }

    @Override
    public SSLContext serverContext() {
        MailParameters params = parameters;
        if (params == null) {
            throw new IllegalStateException("mail parameters are not available");
        }
        return server.get(CertificateFiles.locate(params), params.get("myhostname", "localhost"));
    }

    @Override
    public SSLContext clientContext() {
        SSLContext c = client;
        if (c == null) {
            try {
                c = SSLContext.getInstance("TLS");
                c.init(null, null, null); // the JDK's default trust managers: the system CAs
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no TLS client context", e);
            }
            client = c;
        }
        return c;
    }

    @Override
    public String[] enabledProtocols() {
        String[] p = protocols;
        if (p == null) {
            try {
                List<String> supported = Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getProtocols());
                p = PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
            } catch (NoSuchAlgorithmException e) {
                p = PROTOCOLS.toArray(new String[0]);
            }
            protocols = p;
        }
        return p.clone();
    }
}
