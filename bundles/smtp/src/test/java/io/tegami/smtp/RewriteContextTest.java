package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.net.ListenerInfo;
import io.tegami.api.rewrite.RewriteContext;

/**
 * Postfix's smtpd_check_rewrite(): each message's envelope says whether its client is local for
 * header rewriting, as the listener's {@code local_header_rewrite_clients} decides.
 */
class RewriteContextTest {

    private final SmtpHarness smtp = new SmtpHarness();

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private String contextOfOneMessage(String... before) {
        smtp.start();
        smtp.send("EHLO client.example");
        for (String line : before) {
            smtp.send(line);
        }
        smtp.pipeline("MAIL FROM:<sender@example.com>", "RCPT TO:<alice@localhost>", "DATA", "Subject: x", "", "y", ".");
        assertEquals(1, smtp.queue.committed().size(), "the message was not queued");
        return smtp.queue.committed().get(0).envelope().attribute(RewriteContext.ATTRIBUTE);
    }

    @Test
    void theDefaultMakesOurOwnAddressesLocal() {
        assertEquals("local", contextOfOneMessage());
    }

    @Test
    void otherClientsAreRemote() {
        smtp.connection.remote(new InetSocketAddress("192.0.2.7", 40000));
        smtp.params.set("smtpd_relay_restrictions", "permit_auth_destination, reject");
        assertEquals("remote", contextOfOneMessage());
    }

    @Test
    void anEmptyListMakesNobodyLocal() {
        smtp.params.set("local_header_rewrite_clients", "");
        assertEquals("remote", contextOfOneMessage());
    }

    @Test
    void theListenerOverrideWinsAndCountsTheLogin() {
        smtp.params.set("local_header_rewrite_clients", "").set("smtpd_sasl_auth_enable", "yes");
        smtp.connection.listener(new ListenerInfo("submission", "smtp", ListenerInfo.TlsMode.STARTTLS,
                Map.of("local_header_rewrite_clients", "permit_sasl_authenticated")));
        assertEquals("local", contextOfOneMessage("AUTH PLAIN " + b64("\0alice\0secret")));
    }

    @Test
    void withoutTheLoginTheOverrideDoesNotMatch() {
        smtp.params.set("local_header_rewrite_clients", "permit_inet_interfaces").set("smtpd_sasl_auth_enable", "yes");
        smtp.connection.listener(new ListenerInfo("submission", "smtp", ListenerInfo.TlsMode.STARTTLS,
                Map.of("local_header_rewrite_clients", "permit_sasl_authenticated")));
        assertEquals("remote", contextOfOneMessage());
    }

    @Test
    void mynetworksAsTheListenerSetsIt() {
        smtp.connection.remote(new InetSocketAddress("192.0.2.7", 40000));
        smtp.connection.listener(new ListenerInfo("smtp", "smtp", ListenerInfo.TlsMode.STARTTLS,
                Map.of("local_header_rewrite_clients", "permit_mynetworks", "mynetworks", "192.0.2.0/24")));
        assertEquals("local", contextOfOneMessage());
    }

    @Test
    void anUnreadableTableRefusesMailForNow() {
        smtp.params.set("local_header_rewrite_clients", "check_address_map texthash:/nonexistent/tegami/clients");
        smtp.start();
        smtp.send("EHLO client.example");
        assertEquals("451 4.3.0 Temporary lookup error\r\n", smtp.send("MAIL FROM:<sender@example.com>"));
        assertTrue(smtp.send("RCPT TO:<alice@localhost>").startsWith("503"), "no transaction began");
    }
}
