package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import io.tegami.api.dns.DnsAnswer;
import io.tegami.smtp.fake.FakeDns;

/** Where the commands meet the access control, with smtpd_delay_reject both ways. */
class GatesTest {

    private final SmtpHarness smtp = new SmtpHarness();

    private void stranger() {
        smtp.connection.remote(new InetSocketAddress("192.0.2.7", 50000));
    }

    @Test
    void withoutDelayAClientRefusedAtConnectGetsOnly503() {
        stranger();
        smtp.params.set("smtpd_delay_reject", "no").set("smtpd_client_restrictions", "permit_mynetworks, reject");
        assertEquals("554 5.7.1 <localhost[192.0.2.7]>: Client host rejected: Access denied\r\n", smtp.start());
        assertEquals("503 5.7.0 Error: access denied for localhost[192.0.2.7]\r\n", smtp.send("EHLO x.example"));
        assertEquals("503 5.7.0 Error: access denied for localhost[192.0.2.7]\r\n", smtp.send("MAIL FROM:<a@b.example>"));
        assertEquals("221 2.0.0 Bye\r\n", smtp.send("QUIT"));
    }

    @Test
    void withDelayTheClientIsRefusedAtRcpt() {
        stranger();
        smtp.params.set("smtpd_client_restrictions", "permit_mynetworks, reject");
        assertEquals("220 host ESMTP Tegami\r\n", smtp.start());
        smtp.send("EHLO x.example");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"));
        assertEquals("554 5.7.1 <localhost[192.0.2.7]>: Client host rejected: Access denied\r\n",
                smtp.send("RCPT TO:<alice@host>"));
    }

    @Test
    void heloAndMailRestrictionsWithoutDelay() {
        smtp.params.set("smtpd_delay_reject", "no").set("smtpd_helo_restrictions", "reject_non_fqdn_helo_hostname")
                .set("smtpd_sender_restrictions", "reject_non_fqdn_sender");
        smtp.start();
        assertEquals("504 5.5.2 <foo>: Helo command rejected: need fully-qualified hostname\r\n", smtp.send("HELO foo"));
        assertEquals("504 5.5.2 <foo>: Helo command rejected: need fully-qualified hostname\r\n", smtp.send("EHLO foo"));
        assertTrue(smtp.send("EHLO foo.example").startsWith("250-host\r\n"));
        assertEquals("504 5.5.2 <root>: Sender address rejected: need fully-qualified address\r\n",
                smtp.send("MAIL FROM:<root>"));
        assertEquals("503 5.5.1 Error: need MAIL command\r\n", smtp.send("RCPT TO:<alice@host>"), "no transaction began");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<root@host.example>"));
    }

    @Test
    void theSenderAsWrittenIsWhatSenderRestrictionsSee() {
        smtp.params.set("smtpd_sender_restrictions", "reject_non_fqdn_sender");
        smtp.start();
        smtp.send("EHLO foo.example");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<root>"), "delayed to RCPT");
        assertEquals("504 5.5.2 <root>: Sender address rejected: need fully-qualified address\r\n",
                smtp.send("RCPT TO:<alice@host>"));
    }

    @Test
    void dataRestrictions() {
        smtp.params.set("smtpd_data_restrictions", "reject_multi_recipient_bounce");
        smtp.start();
        smtp.pipeline("EHLO x.example", "MAIL FROM:<>", "RCPT TO:<alice@host>", "RCPT TO:<postmaster@host>");
        assertEquals("550 5.5.3 <DATA>: Data command rejected: Multi-recipient bounce\r\n", smtp.send("DATA"));
        assertEquals("250 2.0.0 Ok\r\n", smtp.send("RSET"));
        smtp.pipeline("MAIL FROM:<>", "RCPT TO:<alice@host>");
        assertEquals("354 End data with <CR><LF>.<CR><LF>\r\n", smtp.send("DATA"));
    }

    @Test
    void endOfDataRestrictionsDropTheMessage() {
        smtp.params.set("smtpd_end_of_data_restrictions", "check_sender_access inline:{ {bad@b.example = REJECT no} }");
        smtp.start();
        smtp.pipeline("EHLO x.example", "MAIL FROM:<bad@b.example>", "RCPT TO:<alice@host>", "DATA");
        assertEquals("554 5.7.1 <bad@b.example>: Sender address rejected: no\r\n", smtp.pipeline("Subject: x", "", "hi", "."));
        assertTrue(smtp.queue.committed().isEmpty());
        smtp.pipeline("MAIL FROM:<good@b.example>", "RCPT TO:<alice@host>", "DATA");
        assertTrue(smtp.pipeline("hi", ".").startsWith("250 2.0.0 Ok: queued as "));
    }

    @Test
    void dnsRestrictionsUseTheResolverService() {
        smtp.params.set("smtpd_recipient_restrictions", "reject_unknown_recipient_domain");
        smtp.start();
        FakeDns dns = new FakeDns().mx("good.example", "mx.good.example").status("flaky.example",
                DnsAnswer.Status.TEMPORARY_FAILURE);
        smtp.handler.bind(dns);
        smtp.send("EHLO x.example");
        smtp.send("MAIL FROM:<a@b.example>");
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<x@good.example>"));
        assertEquals("450 4.1.2 <x@nonexist.example>: Recipient address rejected: Domain not found\r\n",
                smtp.send("RCPT TO:<x@nonexist.example>"));
        assertEquals("450 4.1.2 <x@flaky.example>: Recipient address rejected: Domain not found\r\n",
                smtp.send("RCPT TO:<x@flaky.example>"));
        smtp.handler.bind((io.tegami.api.dns.DnsResolver) null);
        assertEquals("450 4.1.2 <x@good.example>: Recipient address rejected: Domain not found\r\n",
                smtp.send("RCPT TO:<x@good.example>"), "no resolver: try again later");
    }

    @Test
    void submissionListenerTakesOnlyAuthenticatedMail() {
        smtp.params.set("smtpd_sasl_auth_enable", "yes");
        smtp.connection.listener(new io.tegami.api.net.ListenerInfo("submission", "smtp",
                io.tegami.api.net.ListenerInfo.TlsMode.STARTTLS, java.util.Map.of(
                        "smtpd_recipient_restrictions", "permit_sasl_authenticated, reject",
                        "smtpd_sender_login_maps", "inline:{ alice@host=alice }",
                        "smtpd_sender_restrictions", "reject_sender_login_mismatch")));
        smtp.start();
        smtp.send("EHLO x.example");
        smtp.send("MAIL FROM:<alice@host>");
        assertEquals("553 5.7.1 <alice@host>: Sender address rejected: not logged in\r\n", smtp.send("RCPT TO:<alice@host>"));
        smtp.send("RSET");
        smtp.send("MAIL FROM:<someone@host>");
        assertEquals("554 5.7.1 <alice@host>: Recipient address rejected: Access denied\r\n", smtp.send("RCPT TO:<alice@host>"));
    }
}
