package io.tegami.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.delivery.DeliveryResult.Status;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;
import io.tegami.api.mail.RecipientDsn.Notify;
import io.tegami.api.mail.Xtext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.transport.testing.FakeSmtpServer;

/** RFC 3461 parameters passed on to a DSN server, and RFC 6531 SMTPUTF8 as Postfix's client handles it. */
class DsnPassThroughTest {

    private static final MailAddress BOB = MailAddress.parse("bob@remote.example");
    private static final MailAddress CAROL = MailAddress.parse("carol@remote.example");

    @TempDir
    Path home;
    FakeSmtpServer server;
    SmtpDeliveryAgent agent;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeSmtpServer();
        agent = new SmtpDeliveryAgent(MapMailParameters.of(home, "myhostname", "mail.example.org", "relayhost",
                "[127.0.0.1]:" + server.port(), "inet_protocols", "ipv4", "smtp_helo_timeout", "5s"));
    }

    @AfterEach
    void tearDown() {
        agent.deactivate();
        server.close();
    }

    private void offer(String... more) {
        List<String> ext = new ArrayList<>(server.extensions);
        ext.addAll(List.of(more));
        server.extensions = ext;
    }

    /** bob asks for success and failure notices with an ORCPT; carol gave no DSN parameters. */
    private TestMessage dsnMessage() {
        Map<MailAddress, RecipientDsn> dsn = Map.of(BOB, new RecipientDsn(EnumSet.of(Notify.SUCCESS, Notify.FAILURE),
                "rfc822;Bob+Sales=1@Orig.example"));
        Map<String, String> attributes = Map.of(Envelope.DSN_RET, "HDRS", Envelope.DSN_ENVID, "id 42+x=y",
                Envelope.BODY, "8BITMIME");
        return new TestMessage(new Envelope(MailAddress.parse("alice@example.org"), List.of(BOB, CAROL), attributes, dsn),
                "Subject: hi\n\nbody\n");
    }

    private List<DeliveryResult> deliver(TestMessage message) {
        return agent.deliverAll(message, message.envelope().recipients());
    }

    @Test
    void aDsnServerGetsRetEnvidNotifyAndOrcptAndTakesTheNoticeOver() {
        offer("DSN");
        List<DeliveryResult> results = deliver(dsnMessage());
        assertTrue(server.commands.contains("MAIL FROM:<alice@example.org> SIZE=18 BODY=8BITMIME ENVID=id+2042+2Bx+3Dy RET=HDRS"),
                server.commands.toString());
        assertTrue(server.commands.contains("RCPT TO:<bob@remote.example> ORCPT=rfc822;Bob+2BSales+3D1@Orig.example"
                + " NOTIFY=SUCCESS,FAILURE"), server.commands.toString());
        assertTrue(server.commands.contains("RCPT TO:<carol@remote.example>"), "no DSN parameters of her own");
        for (DeliveryResult r : results) {
            assertEquals(Status.SENT, r.status());
            assertTrue(r.dsnPassedOn(), "the DSN server reports the final delivery");
        }
    }

    @Test
    void aServerWithoutDsnGetsNoneOfThemAndTheRelayedNoticeStaysOurs() {
        List<DeliveryResult> results = deliver(dsnMessage());
        assertTrue(server.commands.contains("MAIL FROM:<alice@example.org> SIZE=18 BODY=8BITMIME"), server.commands.toString());
        assertTrue(server.commands.contains("RCPT TO:<bob@remote.example>"), server.commands.toString());
        assertFalse(server.commands.stream().anyMatch(c -> c.contains("NOTIFY") || c.contains("ORCPT") || c.contains("RET=")));
        assertEquals(Status.SENT, results.get(0).status());
        assertFalse(results.get(0).dsnPassedOn());
    }

    @Test
    void withoutPipeliningTheRcptParametersStillGo() {
        server.extensions = List.of("DSN", "ENHANCEDSTATUSCODES");
        deliver(dsnMessage());
        assertEquals(List.of("<bob@remote.example> ORCPT=rfc822;Bob+2BSales+3D1@Orig.example NOTIFY=SUCCESS,FAILURE",
                "<carol@remote.example>"), server.transactions.get(0).rcpts());
        assertEquals("<alice@example.org> ENVID=id+2042+2Bx+3Dy RET=HDRS", server.transactions.get(0).mailFrom());
    }

    @Test
    void notifyNeverAndUtf8OrcptPassOnEncoded() {
        offer("DSN", "SMTPUTF8");
        Map<MailAddress, RecipientDsn> dsn = new HashMap<>();
        dsn.put(BOB, new RecipientDsn(EnumSet.of(Notify.NEVER), "utf-8;j\u00f6rg+x@b\u00fccher.example"));
        TestMessage m = new TestMessage(new Envelope(MailAddress.parse("alice@example.org"), List.of(BOB), Map.of(), dsn),
                "Subject: x\n\ny\n");
        deliver(m);
        String rcpt = "RCPT TO:<bob@remote.example> ORCPT=utf-8;j\\x{F6}rg\\x{2B}x@b\\x{FC}cher.example NOTIFY=NEVER";
        assertTrue(server.commands.contains(rcpt), server.commands.toString());
        assertEquals("j\u00f6rg+x@b\u00fccher.example", Xtext.decodeUtf8("j\\x{F6}rg\\x{2B}x@b\\x{FC}cher.example"));
        assertTrue(server.commands.contains("MAIL FROM:<alice@example.org> SIZE=14"), "no SMTPUTF8 for an ASCII message");
    }

    private TestMessage utf8Message(String header) {
        return new TestMessage(new Envelope(MailAddress.parse("alice@example.org"), List.of(BOB),
                Map.of(Envelope.SMTPUTF8, "yes")), header + "\nbody \u00e9\n");
    }

    @Test
    void smtputf8IsDeclaredWhenOfferedAndAsked() {
        offer("SMTPUTF8");
        assertEquals(Status.SENT, deliver(utf8Message("Subject: caf\u00e9\n")).get(0).status());
        assertTrue(server.commands.stream().anyMatch(c -> c.startsWith("MAIL FROM:<alice@example.org>") && c.endsWith(" SMTPUTF8")),
                server.commands.toString());
    }

    @Test
    void aUtf8HeaderCannotGoToAServerWithoutSmtputf8() {
        DeliveryResult r = deliver(utf8Message("Subject: caf\u00e9\n")).get(0);
        assertEquals(Status.BOUNCED, r.status());
        assertEquals("5.6.7", r.dsn());
        assertEquals("SMTPUTF8 is required, but was not offered by host 127.0.0.1[127.0.0.1]", r.detail());
        assertTrue(server.transactions.isEmpty());
    }

    @Test
    void anAsciiMessageThatAskedForSmtputf8GoesAsItIs() {
        // Only the body has 8-bit text: that is 8BITMIME's business, not SMTPUTF8's.
        DeliveryResult r = deliver(utf8Message("Subject: plain\n")).get(0);
        assertEquals(Status.SENT, r.status(), r.detail());
        assertTrue(server.commands.contains("MAIL FROM:<alice@example.org> SIZE=24"), server.commands.toString());
    }

    @Test
    void utf8AddressesNeedSmtputf8EvenUndeclared() {
        MailAddress jose = MailAddress.parse("jos\u00e9@remote.example");
        TestMessage m = new TestMessage(Envelope.of(MailAddress.parse("alice@example.org"), List.of(jose)), "S: x\n\ny\n");
        DeliveryResult r = agent.deliverAll(m, List.of(jose)).get(0);
        assertEquals(Status.BOUNCED, r.status());
        assertEquals("5.6.7", r.dsn());
    }
}
