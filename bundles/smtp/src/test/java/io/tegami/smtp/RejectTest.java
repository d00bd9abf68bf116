package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MAIL, RCPT and DATA refusals, in Postfix's words. */
class RejectTest {

    private final SmtpHarness smtp = new SmtpHarness();

    @BeforeEach
    void greet() {
        smtp.params.set("recipient_delimiter", "+");
    }

    private void ehlo() {
        smtp.start();
        smtp.send("EHLO client.example");
    }

    @Test
    void mailSyntax() {
        ehlo();
        assertEquals("501 5.5.4 Syntax: MAIL FROM:<address>\r\n", smtp.send("MAIL"));
        assertEquals("501 5.5.4 Syntax: MAIL FROM:<address>\r\n", smtp.send("MAIL FROM:"));
        assertEquals("501 5.5.4 Syntax: MAIL FROM:<address>\r\n", smtp.send("MAIL TO:<a@b.example>"));
        assertEquals("501 5.1.7 Bad sender address syntax\r\n", smtp.send("MAIL FROM:<a@b.example"));
        assertEquals("501 5.1.7 Bad sender address syntax\r\n", smtp.send("MAIL FROM:<a\u0001b@c.example>"));
        assertEquals("501 5.1.7 Bad sender address syntax\r\n", smtp.send("MAIL FROM:<a@@b>"));
    }

    @Test
    void mailParameters() {
        ehlo();
        assertEquals("555 5.5.4 Unsupported option: XVERP\r\n", smtp.send("MAIL FROM:<a@b.example> XVERP"));
        assertEquals("555 5.5.4 Unsupported option: BODY=BINARYMIME\r\n",
                smtp.send("MAIL FROM:<a@b.example> BODY=BINARYMIME"));
        assertEquals("501 5.5.4 Bad message size syntax\r\n", smtp.send("MAIL FROM:<a@b.example> SIZE=12k"));
        assertEquals("552 5.3.4 Message size exceeds fixed limit\r\n", smtp.send("MAIL FROM:<a@b.example> SIZE=10240001"));
        assertEquals("552 5.3.4 Message size exceeds file system imposed limit\r\n",
                smtp.send("MAIL FROM:<a@b.example> SIZE=99999999999999999999999"));
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example> size=10240000 body=7bit"));
        assertEquals("503 5.5.1 Error: nested MAIL command\r\n", smtp.send("MAIL FROM:<a@b.example>"));
    }

    @Test
    void heloCanBeRequired() {
        smtp.params.set("smtpd_helo_required", "yes");
        smtp.start();
        assertEquals("503 5.5.1 Error: send HELO/EHLO first\r\n", smtp.send("MAIL FROM:<a@b.example>"));
    }

    @Test
    void rcptNeedsMail() {
        ehlo();
        assertEquals("503 5.5.1 Error: need MAIL command\r\n", smtp.send("RCPT TO:<alice@localhost>"));
    }

    @Test
    void rcptSyntax() {
        ehlo();
        smtp.send("MAIL FROM:<a@b.example>");
        assertEquals("501 5.5.4 Syntax: RCPT TO:<address>\r\n", smtp.send("RCPT"));
        assertEquals("501 5.5.4 Syntax: RCPT TO:<address>\r\n", smtp.send("RCPT FROM:<alice@localhost>"));
        assertEquals("501 5.1.3 Bad recipient address syntax\r\n", smtp.send("RCPT TO:<>"));
        assertEquals("501 5.1.3 Bad recipient address syntax\r\n", smtp.send("RCPT TO:<alice@localhost>>"));
        assertEquals("555 5.5.4 Unsupported option: XNOTIFY=NEVER\r\n", smtp.send("RCPT TO:<alice@localhost> XNOTIFY=NEVER"));
    }

    @Test
    void unknownLocalUser() {
        ehlo();
        smtp.send("MAIL FROM:<root@localhost>");
        assertEquals("550 5.1.1 <bob@localhost>: Recipient address rejected: User unknown in local recipient table\r\n",
                smtp.send("RCPT TO:<bob@localhost>"));
    }

    @Test
    void localPartIsLowerCasedAndExtensionStrippedForTheLookup() {
        ehlo();
        smtp.send("MAIL FROM:<root@localhost>");
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<ALICE+news@LocalHost>"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<\"alice\"@host>"));
        assertEquals(List.of("alice", "alice"), smtp.users.lookups());
    }

    @Test
    void quotedLocalPartsAreLookedUpUnquoted() {
        ehlo();
        smtp.send("MAIL FROM:<root@localhost>");
        assertEquals("550 5.1.1 <john doe@localhost>: Recipient address rejected: User unknown in local recipient table\r\n",
                smtp.send("RCPT TO:<\"john doe\"@localhost>"));
        assertEquals(List.of("john doe"), smtp.users.lookups());
    }

    @Test
    void noRelaying() {
        smtp.params.set("mynetworks", "192.0.2.0/24"); // a stranger: Postfix's relay defaults defer (454)
        ehlo();
        smtp.send("MAIL FROM:<alice@localhost>");
        assertEquals("454 4.7.1 <x@example.com>: Relay access denied\r\n", smtp.send("RCPT TO:<x@example.com>"));
        assertEquals("454 4.7.1 <x@[192.0.2.1]>: Relay access denied\r\n", smtp.send("RCPT TO:<x@[192.0.2.1]>"));
        assertTrue(smtp.users.lookups().isEmpty(), "no directory lookup for remote domains");
    }

    @Test
    void missingUserDirectoryIsATemporaryFailure() {
        smtp.userService = null;
        ehlo();
        smtp.send("MAIL FROM:<a@b.example>");
        assertEquals("451 4.3.0 <alice@localhost>: Temporary lookup failure\r\n", smtp.send("RCPT TO:<alice@localhost>"));
    }

    @Test
    void failingUserDirectoryIsATemporaryFailure() {
        smtp.users.failing(true);
        ehlo();
        smtp.send("MAIL FROM:<a@b.example>");
        assertEquals("451 4.3.0 <alice@localhost>: Temporary lookup failure\r\n", smtp.send("RCPT TO:<alice@localhost>"));
    }

    @Test
    void recipientLimit() {
        smtp.params.set("smtpd_recipient_limit", "2");
        ehlo();
        smtp.send("MAIL FROM:<a@b.example>");
        assertEquals("250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n452 4.5.3 Error: too many recipients\r\n",
                smtp.pipeline("RCPT TO:<alice@localhost>", "RCPT TO:<postmaster@localhost>", "RCPT TO:<alice@host>"));
        smtp.send("DATA");
        assertEquals("250 2.0.0 Ok: queued as 3F2A91\r\n", smtp.pipeline("x", "."));
        assertEquals(2, smtp.queue.committed().get(0).envelope().recipients().size());
    }

    @Test
    void dataNeedsRecipients() {
        ehlo();
        assertEquals("503 5.5.1 Error: need RCPT command\r\n", smtp.send("DATA"));
        smtp.send("MAIL FROM:<a@b.example>");
        assertEquals("554 5.5.1 Error: no valid recipients\r\n", smtp.send("DATA"));
        smtp.send("RCPT TO:<alice@localhost>");
        assertEquals("501 5.5.4 Syntax: DATA\r\n", smtp.send("DATA now"));
        assertEquals("354 End data with <CR><LF>.<CR><LF>\r\n", smtp.send("DATA"));
    }

    @Test
    void pipelinedDataAfterRejectedRecipientsIsRefusedAndTheBodyIsNotRunAsCommands() {
        ehlo();
        String replies = smtp.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<bob@localhost>", "DATA");
        assertTrue(replies.endsWith("554 5.5.1 Error: no valid recipients\r\n"), replies);
    }
}
