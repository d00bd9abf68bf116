package io.tegami.transport;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.util.Optional;

import io.tegami.api.table.TableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an SMTP session to one server as Postfix's smtp_connect() and smtp_helo() do: connect,
 * read the greeting, EHLO (HELO when EHLO is refused), STARTTLS as
 * {@code smtp_tls_security_level} asks and EHLO again, then AUTH when
 * {@code smtp_sasl_auth_enable} is on and {@code smtp_sasl_password_maps} has credentials.
 */
final class SessionOpener {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.transport.smtp");

    /** Finds the credentials for a server: the password map lookup, deferred until AUTH is offered. */
    interface CredentialSource {
        Optional<PasswordLookup.Credentials> find(Target target) throws TableException;
    }

    private final SmtpSettings settings;
    private final Watchdog watchdog;
    private final TlsContexts tls;
    private final CredentialSource credentials;

    SessionOpener(SmtpSettings settings, Watchdog watchdog, TlsContexts tls, CredentialSource credentials) {
        this.settings = settings;
        this.watchdog = watchdog;
        this.tls = tls;
        this.credentials = credentials;
    }

    /** Opens a session, retrying once without TLS when an opportunistic handshake fails. */
    Session open(Target target) throws SessionException {
        try {
            return open(target, true);
        } catch (SessionException e) {
            if (!e.retryPlain()) {
                throw e;
            }
            LOG.info("{}: TLS handshake failed; trying again without TLS", target.relay());
            return open(target, false);
        }
    }

    private Session open(Target target, boolean useTls) throws SessionException {
        SmtpSettings.Timeouts t = settings.timeouts();
        SmtpChannel ch;
        try {
            ch = SmtpChannel.connect(target, t.connect(), watchdog);
        } catch (IOException e) {
            String why = e instanceof SocketTimeoutException ? "Connection timed out" : e.getMessage();
            throw new SessionException(Failure.soft("4.4.1", "connect to " + target.relay() + ": " + why, target),
                    false, false);
        }
        boolean ok = false;
        String doing = "receiving the initial server greeting";
        try {
            Reply greeting = ch.read(t.helo());
            if (!greeting.positive()) {
                Failure f = new Failure(greeting.permanentFailure(), greeting.dsn(),
                        "host " + target.name() + " refused to talk to me: " + greeting, greeting, target);
                throw new SessionException(settings.skip5xxGreeting() ? f.softened() : f, true, false);
            }
            doing = "performing the EHLO handshake";
            Extensions ext = hello(ch);
            if (settings.tls() != SmtpSettings.TlsLevel.NONE && useTls) {
                doing = "performing the STARTTLS handshake";
                ext = startTls(ch, ext); // useTls is false only on the plaintext retry of "may"
            }
            if (settings.saslEnabled() && !ext.auth().isEmpty()) {
                doing = "performing the SASL authentication";
                authenticate(ch, ext);
            }
            ok = true;
            return new Session(ch, ext);
        } catch (IOException e) {
            throw new SessionException(Results.io(target, e, doing), true, false);
        } finally {
            if (!ok) {
                ch.close();
            }
        }
    }

    /** EHLO, or HELO when the server refuses EHLO (RFC 5321 section 3.2). */
    private Extensions hello(SmtpChannel ch) throws IOException, SessionException {
        SmtpSettings.Timeouts t = settings.timeouts();
        ch.send("EHLO " + settings.heloName());
        ch.flush(t.helo());
        Reply ehlo = ch.read(t.helo());
        if (ehlo.positive()) {
            return Extensions.parse(ehlo);
        }
        ch.send("HELO " + settings.heloName());
        ch.flush(t.helo());
        Reply helo = ch.read(t.helo());
        if (!helo.positive()) {
            throw new SessionException(Failure.said(ch.target(), helo, "HELO command"), true, false);
        }
        return Extensions.NONE;
    }

    private Extensions startTls(SmtpChannel ch, Extensions ext) throws IOException, SessionException {
        Target target = ch.target();
        boolean mandatory = settings.tls().mandatory();
        if (!ext.starttls()) {
            if (mandatory) {
                throw new SessionException(Failure.soft("4.7.4",
                        "TLS is required, but was not offered by host " + target.name(), target), true, false);
            }
            return ext;
        }
        SmtpSettings.Timeouts t = settings.timeouts();
        ch.send("STARTTLS");
        ch.flush(t.helo());
        Reply reply = ch.read(t.helo());
        if (reply.code() != 220) {
            if (mandatory) {
                throw new SessionException(new Failure(false, "4.7.5", "TLS is required, but host " + target.name()
                        + " refused to start TLS: " + reply, reply, target), true, false);
            }
            return ext; // opportunistic: carry on in plaintext
        }
        try {
            ch.startTls(tls.forLevel(settings.tls()), settings.tls() == SmtpSettings.TlsLevel.VERIFY, t.starttls());
        } catch (IOException | GeneralSecurityException e) {
            LOG.info("{}: TLS handshake failed: {}", target.relay(), e.toString());
            throw new SessionException(Failure.soft("4.7.5", "Cannot start TLS: handshake failure", target), true,
                    !mandatory);
        }
        LOG.info("{}: TLS connection established: {}", target.relay(), ch.tlsInfo());
        ch.send("EHLO " + settings.heloName());
        ch.flush(t.helo());
        Reply ehlo = ch.read(t.helo());
        if (!ehlo.positive()) {
            throw new SessionException(Failure.said(target, ehlo, "EHLO command").softened(), true, false);
        }
        return Extensions.parse(ehlo);
    }

    private void authenticate(SmtpChannel ch, Extensions ext) throws IOException, SessionException {
        Target target = ch.target();
        Optional<PasswordLookup.Credentials> creds;
        try {
            creds = credentials.find(target);
        } catch (TableException e) {
            LOG.warn("smtp_sasl_password_maps lookup failed: {}", e.getMessage());
            throw new SessionException(Failure.soft("4.3.0", "SASL credentials lookup failed: " + e.getMessage(),
                    target), true, false);
        }
        if (creds.isEmpty()) {
            return; // no password for this server: Postfix goes on without AUTH
        }
        String mechanism = SaslClient.choose(ext.auth(), settings.saslMechanismFilter(),
                ch.isTls() ? settings.saslTlsOptions() : settings.saslOptions());
        if (mechanism == null) {
            throw new SessionException(Failure.soft("4.7.0", "SASL authentication failed; cannot authenticate to server "
                    + target.name() + ": no mechanism available", target), true, false);
        }
        SaslClient.authenticate(ch, mechanism, creds.get(), settings.timeouts().helo());
    }
}
