package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;
import io.tegami.api.mail.RecipientDsn.Notify;
import io.tegami.smtp.fake.FakeMailQueue.Queued;

/** RFC 3461 on MAIL and RCPT, SMTPUTF8 (RFC 6531), and smtpd_discard_ehlo_keywords: Postfix's replies. */
class DsnParametersTest {

    private final SmtpHarness smtp = new SmtpHarness();

    private void ehlo() {
        smtp.start();
        smtp.send("EHLO client.example");
    }

    @Test
    void retAndEnvidAreCheckedAsPostfixChecksThem() {
        ehlo();
        assertEquals("501 5.5.4 Bad RET parameter syntax\r\n", smtp.send("MAIL FROM:<a@b.example> RET=FULL RET=HDRS"));
        assertEquals("501 5.5.4 Bad RET parameter syntax\r\n", smtp.send("MAIL FROM:<a@b.example> RET=XX"));
        assertEquals("501 5.5.4 Bad RET parameter syntax\r\n", smtp.send("MAIL FROM:<a@b.example> RET="));
        assertEquals("501 5.5.4 Bad ENVID parameter syntax\r\n", smtp.send("MAIL FROM:<a@b.example> ENVID=ab+zz"));
        assertEquals("501 5.5.4 Bad ENVID parameter syntax\r\n", smtp.send("MAIL FROM:<a@b.example> ENVID=a ENVID=b"));
        assertEquals("501 5.5.4 Bad ENVID parameter syntax\r\n", smtp.send("MAIL FROM:<a@b.example> ENVID=a+0Ab"));
        assertEquals("501 5.5.4 Bad ENVID parameter syntax\r\n", smtp.send("MAIL FROM:<a@b.example> ENVID="));
        assertEquals("501 5.5.4 Bad ENVID parameter syntax\r\n", smtp.send("MAIL FROM:<a@b.example> ENVID=\u00e9"));
        assertEquals("555 5.5.4 Unsupported option: SMTPUTF8=yes\r\n", smtp.send("MAIL FROM:<a@b.example> SMTPUTF8=yes"));
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example> ret=hdrs ENVID=q+2B1+20x SMTPUTF8 SMTPUTF8"));
        assertEquals("1/10", smtp.stats().replaceAll(".* mail=(\\S+).*", "$1"));
    }

    @Test
    void notifyAndOrcptAreCheckedAsPostfixChecksThem() {
        ehlo();
        smtp.send("MAIL FROM:<a@b.example>");
        for (String bad : new String[] {"NOTIFY=NEVER,SUCCESS", "NOTIFY=SUCCESS NOTIFY=FAILURE", "NOTIFY=", "NOTIFY=FOO"}) {
            assertEquals("501 5.5.4 Error: Bad NOTIFY parameter syntax\r\n", smtp.send("RCPT TO:<alice@localhost> " + bad), bad);
        }
        for (String bad : new String[] {"ORCPT=foo", "ORCPT=;a@b", "ORCPT=rfc822;x+zz", "ORCPT=rfc822;a ORCPT=rfc822;b",
                "ORCPT=utf-8;a\\x{D800}"}) {
            assertEquals("501 5.5.4 Error: Bad ORCPT parameter syntax\r\n", smtp.send("RCPT TO:<alice@localhost> " + bad), bad);
        }
        assertEquals("555 5.5.4 Unsupported option: RET=FULL\r\n", smtp.send("RCPT TO:<alice@localhost> RET=FULL"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<alice@localhost> NOTIFY=never ORCPT=rfc822;"));
    }

    @Test
    void theEnvelopeCarriesEveryDsnParameterAndTheOriginalRecipient() {
        smtp.params.set("recipient_delimiter", "+");
        ehlo();
        smtp.pipeline("MAIL FROM:<sender@example.com> RET=HDRS ENVID=env+2Bid-42",
                "RCPT TO:<alice@localhost> NOTIFY=SUCCESS,failure ORCPT=rfc822;orig+2Buser@else.example",
                "RCPT TO:<Alice+x@localhost> NOTIFY=NEVER", "RCPT TO:<postmaster@localhost>",
                "RCPT TO:<alice@localhost> NOTIFY=DELAY", "DATA");
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.pipeline("Subject: dsn", "."));
        Queued q = smtp.queue.committed().get(0);
        Envelope e = q.envelope();
        assertEquals("HDRS", e.dsnRet());
        assertEquals("env+id-42", e.dsnEnvid());
        assertFalse(e.smtputf8());
        assertEquals(new RecipientDsn(EnumSet.of(Notify.SUCCESS, Notify.FAILURE), "rfc822;orig+user@else.example"),
                e.dsn(MailAddress.parse("alice@localhost")), "a recipient named twice keeps its first parameters");
        assertEquals(new RecipientDsn(EnumSet.of(Notify.NEVER), "rfc822;Alice+x@localhost"),
                e.dsn(MailAddress.parse("Alice+x@localhost")));
        assertEquals(new RecipientDsn(null, "rfc822;postmaster@localhost"), e.dsn(MailAddress.parse("postmaster@localhost")),
                "without ORCPT the address as the client wrote it is kept, as Postfix does");
    }

    @Test
    void smtputf8IsRecordedAndStrictSmtputf8RefusesUndeclaredUnicode() {
        smtp.params.set("strict_smtputf8", "yes");
        ehlo();
        assertEquals("553 5.6.7 Must declare SMTPUTF8 to send unicode address\r\n", smtp.send("MAIL FROM:<\u00e9@b.example>"));
        smtp.send("MAIL FROM:<a@b.example>");
        assertEquals("553 5.6.7 Must declare SMTPUTF8 to send unicode address\r\n", smtp.send("RCPT TO:<r\u00e9@localhost>"));
        smtp.send("RSET");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<\u00e9@b.example> SMTPUTF8"));
        smtp.pipeline("RCPT TO:<alice@localhost>", "DATA");
        smtp.pipeline("Subject: utf8", ".");
        Envelope e = smtp.queue.committed().get(0).envelope();
        assertTrue(e.smtputf8());
        assertEquals("\u00e9", e.sender().localPart());
        assertEquals("yes", e.attribute(Envelope.SMTPUTF8));
    }

    @Test
    void unicodeAddressesPassWithoutStrictSmtputf8AsInPostfix() {
        ehlo();
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<\u00e9@b.example>"));
    }

    @Test
    void commandsThatAreNotUtf8AreRefusedWhileSmtputf8IsEnabled() {
        ehlo();
        smtp.session.lineReceived(new io.tegami.api.net.Line(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xff}, 
                io.tegami.api.net.Line.Ending.CRLF));
        assertEquals("500 5.5.2 Error: bad UTF-8 syntax\r\n", smtp.connection.take());
        smtp.params.set("smtputf8_enable", "no");
        smtp.session.lineReceived(new io.tegami.api.net.Line(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xff},
                io.tegami.api.net.Line.Ending.CRLF));
        assertEquals("250 2.0.0 Ok\r\n", smtp.connection.take());
        assertEquals("555 5.5.4 Unsupported option: SMTPUTF8\r\n", smtp.send("MAIL FROM:<a@b.example> SMTPUTF8"));
    }

    @Test
    void discardedEhloKeywordsAreNotOfferedAndTheirParametersRefused() {
        smtp.params.set("smtpd_discard_ehlo_keywords", "chunking, dsn, smtputf8");
        smtp.start();
        String ehlo = smtp.send("EHLO client.example");
        assertTrue(ehlo.endsWith("250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n"), ehlo);
        assertEquals("501 5.7.1 DSN support is disabled\r\n", smtp.send("MAIL FROM:<a@b.example> RET=FULL"));
        assertEquals("501 5.7.1 DSN support is disabled\r\n", smtp.send("MAIL FROM:<a@b.example> ENVID=x"));
        assertEquals("555 5.5.4 Unsupported option: SMTPUTF8\r\n", smtp.send("MAIL FROM:<a@b.example> SMTPUTF8"));
        smtp.send("MAIL FROM:<a@b.example>");
        assertEquals("501 5.7.1 DSN support is disabled\r\n", smtp.send("RCPT TO:<alice@localhost> NOTIFY=NEVER"));
        assertEquals("501 5.7.1 DSN support is disabled\r\n", smtp.send("RCPT TO:<alice@localhost> ORCPT=rfc822;a@b"));
        smtp.send("RCPT TO:<alice@localhost>");
        assertEquals("521 5.5.1 Error: command not implemented\r\n", smtp.wire("BDAT 3 LAST\r\nabc"));
        assertFalse(smtp.connection.isOpen());
    }

    @Test
    void silentDiscardAndCaseDoNotMatter() {
        smtp.params.set("smtpd_discard_ehlo_keywords", "Pipelining silent-discard AUTH");
        smtp.start();
        String ehlo = smtp.send("EHLO client.example");
        assertFalse(ehlo.contains("PIPELINING"), ehlo);
        assertTrue(ehlo.startsWith("250-host\r\n250-SIZE"), ehlo);
        assertNull(Map.of().get("x"));
    }
}
