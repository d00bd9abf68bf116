package io.tegami.tls;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.tls.TlsProvider;

/**
 * The default {@link TlsProvider} ({@code name=default}): the certificate and key named by
 * {@code smtpd_tls_cert_file} / {@code smtpd_tls_key_file}, Dovecot's {@code ssl_cert} /
 * {@code ssl_key} or {@code ssl_cert_file} / {@code ssl_key_file}, globally or per listener (see
 * {@link CertificateFiles}), else a self-signed pair generated once under
 * {@code $data_directory/tls/}. Server engines get the listener's protocol versions
 * ({@link ProtocolSettings}: TLS 1.2 and 1.3 unless configured) and only strong cipher suites
 * ({@link CipherPolicy}), in the server's order of preference.
 *
 * <p>Immediate, so that the self-signed certificate exists from the first start on. The
 * parameters and the files are looked at for each handshake (two file stats), so a renewed
 * certificate or a changed policy applies to the next connection without a restart.
 */
@Component(service = TlsProvider.class, immediate = true, property = TlsProvider.NAME + "=default")
public final class DefaultTlsProvider implements TlsProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTlsProvider.class);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    /** One reloading context per set of files in use; a handful at most. */
    private final Map<CertificateFiles, ReloadingServerContext> servers = new ConcurrentHashMap<>();
    private volatile SSLContext client;

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
        return context(settings(null));
    }

    @Override
    public SSLEngine serverEngine(ListenerInfo listener) {
        ListenerSettings settings = settings(listener);
        SSLEngine engine = context(settings).createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters params = engine.getSSLParameters();
        boolean mandatory = listener != null && listener.tlsMode() == ListenerInfo.TlsMode.IMPLICIT;
        params.setProtocols(supported(ProtocolSettings.of(settings, mandatory), engine.getSupportedProtocols()));
        params.setCipherSuites(CipherPolicy.enabled(engine.getSupportedCipherSuites()));
        params.setUseCipherSuitesOrder(true);
        engine.setSSLParameters(params);
        return engine;
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

    /** The versions both the SMTP and the Dovecot settings allow, for callers without a listener. */
    @Override
    public String[] enabledProtocols() {
        return supported(ProtocolSettings.global(settings(null)), jdk().getProtocols());
    }

    @Override
    public String[] enabledCipherSuites() {
        return CipherPolicy.enabled(jdk().getCipherSuites());
    }

    private ListenerSettings settings(ListenerInfo listener) {
        MailParameters params = parameters;
        if (params == null) {
            throw new IllegalStateException("mail parameters are not available");
        }
        return ListenerSettings.of(params, listener);
    }

    private SSLContext context(ListenerSettings settings) {
        CertificateFiles files = CertificateFiles.locate(settings);
        return servers.computeIfAbsent(files, f -> new ReloadingServerContext())
                .get(files, settings.global("myhostname").orElse("localhost"));
    }

    private static String[] supported(List<String> wanted, String[] supported) {
        List<String> known = Arrays.asList(supported);
        return wanted.stream().filter(known::contains).toArray(String[]::new);
    }

    private static SSLParameters jdk() {
        try {
            return SSLContext.getDefault().getSupportedSSLParameters();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }
}
