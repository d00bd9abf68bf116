package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tegami.smtp.address.PathParser;
import io.tegami.smtp.address.PathSyntaxException;

/**
 * Fuzzes the SMTP command parsing (issue 11): the path parser on its own, then whole MAIL FROM
 * and RCPT TO commands with their ESMTP parameters (SIZE, BODY, RET, ENVID, NOTIFY, ORCPT, AUTH,
 * SMTPUTF8) through a real session. The only exception the parser may throw is
 * {@link PathSyntaxException}; the session must answer every line with well-formed, bounded
 * SMTP replies. In the normal build this replays {@code SmtpCommandFuzzTestInputs/}; bench/fuzz.sh
 * fuzzes it.
 */
class SmtpCommandFuzzTest {

    /** The net layer cuts lines at line_length_limit (2048); longer inputs say nothing new. */
    private static final int MAX_ARGUMENT = 1024;
    private static final Pattern REPLY = Pattern.compile("[2-5][0-9][0-9][ -][^\r\n]*");

    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void mailAndRcpt(FuzzedDataProvider data) {
        String mail = data.consumeString(MAX_ARGUMENT).replace('\n', ' ');
        String rcpt = data.consumeString(MAX_ARGUMENT).replace('\n', ' ');
        String verb = data.consumeBoolean() ? "FROM:" : "TO:";
        try {
            PathParser.parse(mail, verb);
        } catch (PathSyntaxException expected) {
            // the declared syntax error
        }
        try {
            PathParser.parseAddress(rcpt);
        } catch (PathSyntaxException expected) {
            // the declared syntax error
        }
        SmtpHarness smtp = new SmtpHarness();
        smtp.start();
        smtp.send("EHLO client.example");
        check(smtp.send("MAIL FROM:" + mail));
        check(smtp.send("RCPT TO:" + rcpt));
        check(smtp.send("RCPT TO:<alice@localhost> " + mail));
        check(smtp.send("RSET"));
    }

    /** What SecurityBatteryIT found: a decoded CR LF in ORCPT would become a header line of the DSN. */
    @Test
    void decodedLineBreaksInDsnParametersAreRefused() {
        SmtpHarness smtp = new SmtpHarness();
        smtp.start();
        smtp.send("EHLO client.example");
        assertEquals("501 5.5.4 Bad ENVID parameter syntax\r\n", smtp.send("MAIL FROM:<a@example.com> ENVID=x+0D+0ABcc:+20y"));
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@example.com>"));
        assertEquals("501 5.5.4 Error: Bad ORCPT parameter syntax\r\n",
                smtp.send("RCPT TO:<alice@localhost> ORCPT=rfc822;a@b+0D+0ABcc:+20y@example.com"));
        assertEquals("501 5.5.4 Error: Bad ORCPT parameter syntax\r\n",
                smtp.send("RCPT TO:<alice@localhost> ORCPT=utf-8;a@b\\x{D}\\x{A}Bcc:y@example.com"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<alice@localhost> ORCPT=rfc822;x+2By@example.org"));
        assertTrue(smtp.send("RCPT TO:<postmaster@localhost> NOTIFY=FAILURE\rBcc: y").startsWith("5"));
    }

    /**
     * Every reply line is an SMTP reply without a line break in its text, and bounded. Not by RFC
     * 5321's 512 octets: like Postfix, the replies echo the client's address whole, and the path
     * parser takes up to the line length limit; echoed parameters are cut (MailOptions.echoed).
     */
    private static void check(String replies) {
        assertTrue(replies.length() < 16 * 1024, "unbounded reply: " + replies.length());
        for (String line : replies.split("\r\n")) {
            assertTrue(line.isEmpty() || REPLY.matcher(line).matches()
                    && line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 3 * MAX_ARGUMENT + 512, "bad reply: " + line);
        }
    }
}
