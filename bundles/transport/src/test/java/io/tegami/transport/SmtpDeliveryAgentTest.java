package io.tegami.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.delivery.DeliveryResult.Status;
import io.tegami.dns.DnsComponent;
import io.tegami.dns.testing.DnsStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.transport.testing.FakeSmtpServer;

/** The agent against a fake SMTP server, by relayhost and by MX through a loopback DNS server. */
class SmtpDeliveryAgentTest {

    @TempDir
    Path home;
    FakeSmtpServer server;
    DnsStub dns;
    MapMailParameters parameters;
    SmtpDeliveryAgent agent;
    String relay;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeSmtpServer();
        dns = DnsStub.start();
        parameters = MapMailParameters.of(home, "myhostname", "mail.example.org", "relayhost",
                "[127.0.0.1]:" + server.port(), "dns_servers", dns.server(), "dns_timeout", "1s", "dns_attempts", "1",
                "inet_protocols", "ipv4", "smtp_helo_timeout", "5s", "smtp_connect_timeout", "5s");
        agent = new SmtpDeliveryAgent(parameters);
        agent.bindDns(new DnsComponent(parameters));
        relay = "127.0.0.1[127.0.0.1]:" + server.port();
    }

    @AfterEach
    void tearDown() {
        agent.deactivate();
        server.close();
        dns.close();
    }

    private List<DeliveryResult> send(String content, String... rcpts) {
        return agent.deliverAll(TestMessage.of("alice@example.org", content, rcpts), TestMessage.addresses(rcpts));
    }

    @Test
    void oneTransactionForAllRecipientsThroughTheRelayhost() {
        List<DeliveryResult> results = send("Subject: hi\n\n.dot\nbody\n", "a@one.example", "b@two.example", "c@one.example");
        assertEquals(1, server.transactions.size());
        FakeSmtpServer.Transaction tx = server.transactions.get(0);
        assertEquals(List.of("<a@one.example>", "<b@two.example>", "<c@one.example>"), tx.rcpts());
        assertEquals("Subject: hi\r\n\r\n..dot\r\nbody\r\n", tx.data());
        assertTrue(server.commands.contains("EHLO mail.example.org"));
        assertTrue(server.commands.contains("MAIL FROM:<alice@example.org> SIZE=23"), server.commands.toString());
        for (DeliveryResult r : results) {
            assertEquals(Status.SENT, r.status());
            assertEquals(relay, r.relay());
            assertEquals("250 2.0.0 Ok: queued as Q1", r.detail());
            assertEquals("2.0.0", r.dsn());
            assertEquals("dns; 127.0.0.1", r.remoteMta());
            assertEquals("smtp; 250 2.0.0 Ok: queued as Q1", r.diagnosticCode());
        }
    }

    @Test
    void eachRecipientGetsItsOwnAnswer() {
        server.rcptReply = r -> r.startsWith("bad") ? "550 5.1.1 <" + r + ">: Recipient address rejected: User unknown"
                : r.startsWith("later") ? "450 4.2.0 <" + r + ">: try again" : "250 2.1.5 Ok";
        List<DeliveryResult> results = send("x\n", "ok@one.example", "bad@one.example", "later@one.example");
        assertEquals(Status.SENT, results.get(0).status());
        assertEquals(Status.BOUNCED, results.get(1).status());
        assertEquals("5.1.1", results.get(1).dsn());
        assertEquals("host 127.0.0.1[127.0.0.1] said: 550 5.1.1 <bad@one.example>: Recipient address rejected: "
                + "User unknown (in reply to RCPT TO command)", results.get(1).detail());
        assertEquals("smtp; 550 5.1.1 <bad@one.example>: Recipient address rejected: User unknown",
                results.get(1).diagnosticCode());
        assertEquals(Status.DEFERRED, results.get(2).status());
        assertEquals("4.2.0", results.get(2).dsn());
        assertEquals(List.of("<ok@one.example>"), server.transactions.get(0).rcpts());
    }

    @Test
    void mxDeliveryByPreferenceFallingBackWhenTheFirstRefuses() {
        parameters.set("relayhost", "").set("smtp_tcp_port", String.valueOf(server.port()));
        dns.mx("example.net", 10, "mx1.example.net").mx("example.net", 20, "mx2.example.net")
                .a("mx1.example.net", "127.0.0.3").a("mx2.example.net", "127.0.0.1");
        List<DeliveryResult> results = send("x\n", "bob@example.net");
        assertEquals(Status.SENT, results.get(0).status(), results.get(0).detail());
        assertEquals("mx2.example.net[127.0.0.1]:" + server.port(), results.get(0).relay());
    }

    @Test
    void aDomainWithoutMxGetsItsAddressRecord() {
        parameters.set("relayhost", "").set("smtp_tcp_port", String.valueOf(server.port()));
        dns.a("plain.example", "127.0.0.1");
        assertEquals("plain.example[127.0.0.1]:" + server.port(), send("x\n", "bob@plain.example").get(0).relay());
    }

    @Test
    void aTemporaryGreetingRefusalMovesOnAndTheLastServerSpeaks() {
        parameters.set("relayhost", "").set("smtp_tcp_port", String.valueOf(server.port()));
        dns.mx("example.net", 10, "mx1.example.net").a("mx1.example.net", "127.0.0.1");
        server.greeting = "421 4.3.2 Service shutting down";
        DeliveryResult r = send("x\n", "bob@example.net").get(0);
        assertEquals(Status.DEFERRED, r.status());
        assertEquals("host mx1.example.net[127.0.0.1] refused to talk to me: 421 4.3.2 Service shutting down", r.detail());
        assertEquals("4.3.2", r.dsn());
    }

    @Test
    void dnsVerdicts() {
        parameters.set("relayhost", "");
        dns.mx("nomail.example", 0, "");
        DeliveryResult nullMx = send("x\n", "bob@nomail.example").get(0);
        assertEquals(Status.BOUNCED, nullMx.status());
        assertEquals("Domain nomail.example does not accept mail (nullMX)", nullMx.detail());
        DeliveryResult nx = send("x\n", "bob@nowhere.example").get(0);
        assertEquals(Status.BOUNCED, nx.status());
        assertEquals("none", nx.relay());
        assertEquals("Host or domain name not found. Name service error for name=nowhere.example type=MX: Host not found",
                nx.detail());
        dns.servfail("broken.example");
        assertEquals(Status.DEFERRED, send("x\n", "bob@broken.example").get(0).status());
    }

    @Test
    void mandatoryTlsEncryptsOrDefers() throws Exception {
        parameters.set("smtp_tls_security_level", "encrypt");
        DeliveryResult none = send("x\n", "a@one.example").get(0);
        assertEquals(Status.DEFERRED, none.status());
        assertEquals("TLS is required, but was not offered by host 127.0.0.1[127.0.0.1]", none.detail());
        assertEquals("4.7.4", none.dsn());
        assertTrue(server.transactions.isEmpty());
        server.withTls();
        assertEquals(Status.SENT, send("x\n", "a@one.example").get(0).status());
        assertTrue(server.transactions.get(0).tls());
        assertEquals(2, server.commands.stream().filter(c -> c.startsWith("EHLO")).count() - 1,
                "EHLO again after STARTTLS (one more EHLO came with the refused attempt)");
    }

    @Test
    void opportunisticTlsFallsBackToPlaintextWhenTheHandshakeFails() throws Exception {
        parameters.set("smtp_tls_security_level", "may").set("smtp_connection_cache_on_demand", "no");
        server.withTls();
        assertEquals(Status.SENT, send("x\n", "a@one.example").get(0).status());
        assertTrue(server.transactions.get(0).tls());
        server.breakTls = true;
        DeliveryResult r = send("x\n", "b@one.example").get(0);
        assertEquals(Status.SENT, r.status(), r.detail());
        assertFalse(server.transactions.get(1).tls());
        assertEquals(3, server.connections.get(), "one TLS session, a failed handshake, a plaintext retry");
        parameters.set("smtp_tls_security_level", "encrypt");
        assertEquals("Cannot start TLS: handshake failure", send("x\n", "c@one.example").get(0).detail());
    }

    @Test
    void saslPlainWithCredentialsFromThePasswordMap() {
        server.withAuth("relayuser", "s3cret");
        parameters.set("smtp_sasl_auth_enable", "yes").set("smtp_sasl_security_options", "noanonymous")
                .set("smtp_sasl_password_maps", "inline:{ [127.0.0.1]:" + server.port() + "=relayuser:s3cret }");
        assertEquals(Status.SENT, send("x\n", "a@one.example").get(0).status());
        assertEquals("relayuser", server.transactions.get(0).authUser());
        assertTrue(server.commands.stream().anyMatch(c -> c.startsWith("AUTH PLAIN ")));
    }

    @Test
    void saslLoginAndFailures() {
        server.withAuth("relayuser", "s3cret");
        parameters.set("smtp_sasl_auth_enable", "yes").set("smtp_connection_cache_on_demand", "no")
                .set("smtp_sasl_password_maps", "inline:{ 127.0.0.1=relayuser:s3cret }");
        DeliveryResult refused = send("x\n", "a@one.example").get(0);
        assertEquals("SASL authentication failed; cannot authenticate to server 127.0.0.1[127.0.0.1]: no mechanism available",
                refused.detail(), "Postfix's default smtp_sasl_security_options = noplaintext, noanonymous");
        parameters.set("smtp_sasl_security_options", "noanonymous").set("smtp_sasl_mechanism_filter", "login");
        assertEquals(Status.SENT, send("x\n", "a@one.example").get(0).status());
        assertTrue(server.commands.contains("AUTH LOGIN"));
        parameters.set("smtp_sasl_password_maps", "inline:{ 127.0.0.1=relayuser:wrong }");
        DeliveryResult wrong = send("x\n", "a@one.example").get(0);
        assertEquals(Status.DEFERRED, wrong.status());
        assertEquals("4.7.8", wrong.dsn(), "smtp_sasl_auth_soft_bounce: a 535 defers");
        assertEquals("SASL authentication failed; server 127.0.0.1[127.0.0.1] said: 535 5.7.8 Error: authentication "
                + "failed: authentication failure", wrong.detail());
    }

    @Test
    void withoutPipeliningCommandsGoOneByOne() {
        server.extensions = List.of("SIZE 1000");
        server.rcptReply = r -> r.startsWith("bad") ? "550 5.1.1 no" : "250 2.1.5 Ok";
        List<DeliveryResult> results = send("x\n", "bad@one.example", "good@one.example");
        assertEquals(Status.BOUNCED, results.get(0).status());
        assertEquals(Status.SENT, results.get(1).status());
    }

    @Test
    void sessionsAreReusedForTheNextMessageWithRsetBetween() {
        assertEquals(Status.SENT, send("x\n", "a@one.example").get(0).status());
        assertEquals(Status.SENT, send("y\n", "b@one.example").get(0).status());
        assertEquals(1, server.connections.get());
        assertEquals(2, server.transactions.size());
        assertTrue(server.commands.contains("RSET"));
        assertEquals(1, agent.cachedSessions());
        parameters.set("smtp_connection_cache_on_demand", "no");
        assertEquals(Status.SENT, send("z\n", "c@one.example").get(0).status());
        assertEquals(1, server.connections.get(), "the cached session is still used once");
        assertEquals(Status.SENT, send("z\n", "d@one.example").get(0).status());
        assertEquals(2, server.connections.get());
        assertTrue(server.commands.contains("QUIT"));
    }

    @Test
    void aStaleCachedSessionIsReplacedByAFreshOne() throws Exception {
        parameters.set("smtp_connection_cache_time_limit", "1s");
        assertEquals(Status.SENT, send("x\n", "a@one.example").get(0).status());
        Thread.sleep(2500); // the sweep closes it
        assertEquals(0, agent.cachedSessions());
        assertEquals(Status.SENT, send("y\n", "b@one.example").get(0).status());
        assertEquals(2, server.connections.get());
    }

    @Test
    void serverReplyVariants() {
        parameters.set("smtp_connection_cache_on_demand", "no");
        server.extensions = List.of("PIPELINING", "SIZE 5");
        DeliveryResult big = send("too big for the server\n", "a@one.example").get(0);
        assertEquals(Status.BOUNCED, big.status());
        assertEquals("5.3.4", big.dsn());
        assertEquals("message size 23 exceeds size limit 5 of server 127.0.0.1[127.0.0.1]", big.detail());
        server.extensions = List.of();
        server.refuseEhlo = true;
        server.finalReply = "554 5.7.1 Message rejected as spam";
        DeliveryResult spam = send("x\n", "a@one.example").get(0);
        assertTrue(server.commands.contains("HELO mail.example.org"));
        assertEquals(Status.BOUNCED, spam.status());
        assertEquals("host 127.0.0.1[127.0.0.1] said: 554 5.7.1 Message rejected as spam (in reply to end of DATA command)",
                spam.detail());
    }

    @Test
    void connectionTroubleDefers() throws Exception {
        server.silent = true;
        parameters.set("smtp_helo_timeout", "1s");
        DeliveryResult slow = send("x\n", "a@one.example").get(0);
        assertEquals(Status.DEFERRED, slow.status());
        assertEquals("conversation with 127.0.0.1[127.0.0.1] timed out while receiving the initial server greeting",
                slow.detail());
        // A closed port below the ephemeral range: a closed ephemeral one could be picked as the
        // client's own port and connect to itself.
        parameters.set("relayhost", "[127.0.0.1]:9");
        DeliveryResult refused = send("x\n", "a@one.example").get(0);
        assertEquals("connect to 127.0.0.1[127.0.0.1]:9: Connection refused", refused.detail());
        assertEquals("4.4.1", refused.dsn());
    }

    @Test
    void aBadRelayhostDefers() {
        parameters.set("relayhost", "[broken");
        DeliveryResult r = agent.deliver(TestMessage.of("a@example.org", "x\n", "b@one.example"),
                TestMessage.addresses("b@one.example").get(0));
        assertEquals(Status.DEFERRED, r.status());
    }
}
