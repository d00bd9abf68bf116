package io.tegami.smtp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.net.testing.FakeSslSession;
import io.tegami.smtp.fake.SmtpParameters;

/** The small helpers of the session: stats, log formats, settings, client info, TLS summary. */
class SessionUnitsTest {

    @Test
    void disconnectStatsInPostfixForm() {
        CommandStats stats = new CommandStats(List.of("HELO", "EHLO", "MAIL", "RCPT", "DATA", "QUIT"));
        assertEquals(" commands=0/0", stats.format());
        stats.record("EHLO", true);
        stats.record("MAIL", true);
        stats.record("RCPT", false);
        stats.record("RCPT", true);
        stats.record("DATA", true);
        stats.record(null, false);
        stats.record("QUIT", true);
        assertEquals(" ehlo=1 mail=1 rcpt=1/2 data=1 quit=1 unknown=0/1 commands=5/7", stats.format());
    }

    @Test
    void rejectLineInPostfixForm() {
        ClientInfo client = new ClientInfo("localhost", "127.0.0.1", false);
        assertEquals("NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 550 5.1.1 <bob@localhost>: Recipient address "
                + "rejected: User unknown in local recipient table; from=<root@localhost> to=<bob@localhost> "
                + "proto=ESMTP helo=<localhost>",
                SmtpdLog.formatReject(null, "RCPT", client, "550 5.1.1 <bob@localhost>: Recipient address rejected: "
                        + "User unknown in local recipient table", "root@localhost", "bob@localhost", "ESMTP", "localhost"));
        assertEquals("3F2A91: reject: MAIL from localhost[127.0.0.1]: 552 5.3.4 Message size exceeds fixed limit; proto=SMTP",
                SmtpdLog.formatReject("3F2A91", "MAIL", client, "552 5.3.4 Message size exceeds fixed limit", null, null,
                        "SMTP", null));
    }

    @Test
    void listenerOptionsWinAndExpand() {
        MapMailParameters main = SmtpParameters.standard().set("smtpd_tls_security_level", "may");
        ListenerInfo listener = new ListenerInfo("submission", "smtp", ListenerInfo.TlsMode.STARTTLS,
                Map.of("smtpd_tls_security_level", "encrypt", "smtpd_banner", "$myhostname submission"));
        SmtpSettings settings = new SmtpSettings(() -> main, listener);
        assertTrue(settings.tlsRequired());
        assertEquals("host submission", settings.banner());
        assertFalse(new SmtpSettings(() -> main, null).tlsRequired());
    }

    @Test
    void settingsFallBackToPostfixDefaults() {
        SmtpSettings settings = new SmtpSettings(() -> null, null);
        assertEquals("localhost", settings.myhostname());
        assertEquals("localhost ESMTP Tegami", settings.banner());
        assertEquals(10240000L, settings.messageSizeLimit());
        assertEquals(List.of("localhost", "localhost.localdomain", "localhost"), settings.mydestination());
        assertEquals(20, settings.hardErrorLimit());
        assertTrue(settings.tlsOffered());
        assertFalse(settings.vrfyDisabled());
        MapMailParameters broken = SmtpParameters.empty().set("message_size_limit", "lots");
        assertEquals(10240000L, new SmtpSettings(() -> broken, null).messageSizeLimit());
    }

    @Test
    void clientInfo() throws UnknownHostException {
        ClientInfo v6 = ClientInfo.of(new InetSocketAddress(InetAddress.getByName("::1"), 1), ip -> "localhost");
        assertEquals("localhost[0:0:0:0:0:0:0:1]", v6.nameAndAddress());
        assertEquals("IPv6:0:0:0:0:0:0:0:1", v6.rfcAddress());
        ClientInfo failing = ClientInfo.of(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 1), ip -> {
            throw new IllegalStateException("resolver broke");
        });
        assertEquals("unknown[192.0.2.1]", failing.nameAndAddress());
        assertEquals("192.0.2.1", failing.rfcAddress());
    }

    @Test
    void tlsSummary() {
        assertEquals("TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)",
                TlsSummary.of(new FakeSslSession("TLSv1.3", "TLS_AES_128_GCM_SHA256")));
        assertEquals("TLSv1.2 with cipher TLS_SOMETHING_ODD",
                TlsSummary.of(new FakeSslSession("TLSv1.2", "TLS_SOMETHING_ODD")));
    }
}
