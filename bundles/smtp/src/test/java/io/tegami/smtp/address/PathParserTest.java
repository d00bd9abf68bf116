package io.tegami.smtp.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tegami.api.mail.MailAddress;
import io.tegami.smtp.address.PathSyntaxException.Kind;

class PathParserTest {

    private static PathArgument from(String argument) throws PathSyntaxException {
        return PathParser.parse(argument, "FROM:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FROM:<a@b.example>", "FROM: <a@b.example>", "from:\t<a@b.example>",
            "FROM:a@b.example", "FROM: a@b.example", "FROM:<@relay.example,@x.example:a@b.example>",
            "FROM:<a@b.example.>"})
    void tolerantForms(String argument) throws PathSyntaxException {
        PathArgument parsed = from(argument);
        assertEquals(new SmtpPath("a", "b.example"), parsed.path());
        assertTrue(parsed.parameters().isEmpty());
    }

    @Test
    void nullPath() throws PathSyntaxException {
        assertTrue(from("FROM:<>").path().isNull());
        assertTrue(from("FROM: <> SIZE=10").path().isNull());
        assertEquals(MailAddress.NULL_SENDER, from("FROM:<>").path().toAddress("host"));
    }

    @Test
    void parametersFollowThePath() throws PathSyntaxException {
        PathArgument parsed = from("FROM:<a@b.example>  SIZE=1000\tBODY=8BITMIME ");
        assertEquals(List.of("SIZE=1000", "BODY=8BITMIME"), parsed.parameters());
        assertEquals(List.of("SIZE=5"), from("FROM:a@b.example SIZE=5").parameters());
    }

    @Test
    void unqualifiedAddressesTakeTheDefaultDomain() throws PathSyntaxException {
        SmtpPath path = from("FROM:<root>").path();
        assertNull(path.domain());
        assertEquals("root", path.toString());
        assertEquals(MailAddress.of("root", "origin.example"), path.toAddress("origin.example"));
        assertEquals(MailAddress.of("root", "origin.example"), from("FROM:root").path().toAddress("origin.example"));
    }

    @Test
    void quotedLocalParts() throws PathSyntaxException {
        SmtpPath path = from("FROM:<\"john doe\"@x.example>").path();
        assertEquals(new SmtpPath("john doe", "x.example"), path);
        assertEquals("\"john doe\"@x.example", path.toAddress("host").toString());
        // Unbracketed, the blank inside quotes does not end the path.
        assertEquals(new SmtpPath("john doe", "x.example"), from("FROM:\"john doe\"@x.example SIZE=1").path());
        assertEquals(new SmtpPath("a\"b>c", "x.example"), from("FROM:<\"a\\\"b>c\"@x.example>").path());
        assertEquals(new SmtpPath("odd", null), from("FROM:<\"odd\">").path());
    }

    @Test
    void domainKeepsItsSpellingButTheAddressIsLowerCased() throws PathSyntaxException {
        SmtpPath path = from("FROM:<Bob@Example.ORG>").path();
        assertEquals("Bob@Example.ORG", path.toString());
        assertEquals(MailAddress.of("Bob", "example.org"), path.toAddress("host"));
    }

    @Test
    void addressLiterals() throws PathSyntaxException {
        assertEquals(new SmtpPath("a", "[192.0.2.1]"), from("FROM:<a@[192.0.2.1]>").path());
        assertEquals(new SmtpPath("a", "[IPv6:2001:db8::1]"), from("FROM:<a@[IPv6:2001:db8::1]>").path());
    }

    @Test
    void sourceRouteIsDropped() throws PathSyntaxException {
        assertEquals(new SmtpPath("u", "d.example"), PathParser.parseAddress("@a.example,@b.example:u@d.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "FROM", "FROM:", "FROM:   ", "TO:<a@b.example>", "FROM <a@b.example>", "FRO:<a@b>"})
    void missingKeywordOrPathIsACommandError(String argument) {
        PathSyntaxException e = assertThrows(PathSyntaxException.class, () -> from(argument));
        assertEquals(Kind.COMMAND, e.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FROM:<a@b.example", "FROM:<<a@b.example>>", "FROM:<a@b.example>junk",
            "FROM:<a b@c.example>", "FROM:<a@>", "FROM:<@b.example>", "FROM:<a@b..example>", "FROM:<a@@b.example>",
            "FROM:<a\u0000@b.example>", "FROM:<a\u001b@b.example>", "FROM:<\"a\u0007\"@b.example>",
            "FROM:<\"unterminated@b.example>", "FROM:<\"\"@b.example>", "FROM:<\"a\"b@c.example>",
            "FROM:<a@b.example:25>", "FROM:<@relay.example>", "FROM:<@relay.example:>", "FROM:<a@[1.2.3.4>",
            "FROM:<a@[]>", "FROM:<a(comment)@b.example>", "FROM:<a,b@c.example>", "FROM:<a@b_c!.example>",
            "FROM:a@b.example>", "FROM:<a@b.example>>"})
    void garbageIsAnAddressError(String argument) {
        PathSyntaxException e = assertThrows(PathSyntaxException.class, () -> from(argument));
        assertEquals(Kind.ADDRESS, e.kind(), argument);
    }

    @Test
    void eightBitLocalPartsAreTolerated() throws PathSyntaxException {
        assertEquals(new SmtpPath("jörg", "example.de"), from("FROM:<jörg@example.de>").path());
    }

    @Test
    void recipientsUseTheToKeyword() throws PathSyntaxException {
        assertEquals(new SmtpPath("alice", "localhost"), PathParser.parse("TO:<alice@localhost>", "TO:").path());
        assertEquals(Kind.COMMAND,
                assertThrows(PathSyntaxException.class, () -> PathParser.parse("FROM:<a@b>", "TO:")).kind());
    }
}
