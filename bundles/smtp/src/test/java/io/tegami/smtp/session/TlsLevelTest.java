package io.tegami.smtp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.ListenerInfo;
import io.tegami.smtp.fake.SmtpParameters;

/** smtpd_tls_security_level and the pre-2.3 names, resolved as Postfix resolves them. */
class TlsLevelTest {

    private static String level(MapMailParameters main, Map<String, String> listenerOptions) {
        ListenerInfo listener = new ListenerInfo("smtp", "smtp", ListenerInfo.TlsMode.STARTTLS, listenerOptions);
        return new SmtpSettings(() -> main, listener).tlsLevel();
    }

    @Test
    void tegamisDefaultIsMay() {
        assertEquals("may", level(SmtpParameters.empty(), Map.of()));
    }

    @Test
    void legacyNamesApplyWhileTheLevelIsNotSet() {
        assertEquals("may", level(SmtpParameters.empty().set("smtpd_use_tls", "yes"), Map.of()));
        assertEquals("none", level(SmtpParameters.empty().set("smtpd_use_tls", "no"), Map.of()));
        assertEquals("encrypt", level(SmtpParameters.empty().set("smtpd_enforce_tls", "yes"), Map.of()));
        // smtpd_enforce_tls = yes implies smtpd_use_tls = yes (postconf(5)).
        assertEquals("encrypt", level(SmtpParameters.empty().set("smtpd_use_tls", "no").set("smtpd_enforce_tls", "yes"), Map.of()));
        assertEquals("may", level(SmtpParameters.empty().set("smtpd_use_tls", "yes").set("smtpd_enforce_tls", "no"), Map.of()));
        // An empty level is Postfix's own default: the legacy names decide.
        assertEquals("encrypt", level(SmtpParameters.empty().set("smtpd_tls_security_level", "").set("smtpd_enforce_tls", "yes"), Map.of()));
    }

    @Test
    void anExplicitLevelWinsOverLegacyNames() {
        assertEquals("may", level(SmtpParameters.empty().set("smtpd_tls_security_level", "may").set("smtpd_enforce_tls", "yes"), Map.of()));
        assertEquals("none", level(SmtpParameters.empty().set("smtpd_tls_security_level", "NONE").set("smtpd_use_tls", "yes"), Map.of()));
    }

    @Test
    void listenerOptionsOverrideMainCfForEitherName() {
        assertEquals("encrypt", level(SmtpParameters.empty().set("smtpd_use_tls", "no"), Map.of("smtpd_enforce_tls", "yes")));
        assertEquals("encrypt", level(SmtpParameters.empty().set("smtpd_enforce_tls", "no"),
                Map.of("smtpd_tls_security_level", "encrypt")));
        // master.cf -o smtpd_tls_security_level=may beats a legacy setting in main.cf.
        assertEquals("may", level(SmtpParameters.empty().set("smtpd_enforce_tls", "yes"),
                Map.of("smtpd_tls_security_level", "may")));
    }

    @Test
    void aLegacyEncryptRefusesMailBeforeStarttls() {
        SmtpSettings settings = new SmtpSettings(() -> SmtpParameters.empty().set("smtpd_enforce_tls", "yes"), null);
        assertEquals(true, settings.tlsRequired());
        assertEquals(true, settings.tlsOffered());
    }

    @Test
    void saslClientLineIsPostfixs() {
        ClientInfo client = new ClientInfo("unknown", "192.0.2.1", false);
        assertEquals("3F2A91: client=unknown[192.0.2.1], sasl_method=PLAIN, sasl_username=alice",
                SmtpdLog.formatClient("3F2A91", client, "PLAIN", "alice", null));
        assertEquals("3F2A91: client=unknown[192.0.2.1], sasl_method=LOGIN, sasl_username=alice, sasl_sender=a@b.example",
                SmtpdLog.formatClient("3F2A91", client, "LOGIN", "alice", "a@b.example"));
        assertEquals("3F2A91: client=unknown[192.0.2.1]", SmtpdLog.formatClient("3F2A91", client, null, null, null));
    }
}
