package io.tegami.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Address lists and ENVELOPE; the expected lists are what Dovecot 2.3.19 answers for the same From fields. */
class EnvelopeTest {

    private static String from(String value) throws IOException {
        MessageStructure m = Corpus.parse("From: " + value + "\nSubject: s\n\nx\n");
        String env = BodyStructureTest.str(EnvelopeFormatter.format(m.envelope()));
        // (NIL "s" FROM SENDER REPLY-TO NIL NIL NIL NIL NIL): take FROM.
        String rest = env.substring("(NIL \"s\" ".length());
        return rest.substring(0, rest.length() - " NIL NIL NIL NIL NIL)".length()).split(" \\(\\(|^NIL ")[0];
    }

    private static String addresses(String value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        EnvelopeFormatter.addresses(out, AddressParser.parse(value));
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void addressListsLikeDovecot() {
        assertEquals("((\"Foo Bar\" NIL \"foo\" \"bar\"))", addresses("foo@bar (Foo Bar)"));
        assertEquals("((NIL NIL \"john doe\" \"x.org\"))", addresses("\"john doe\"@x.org"));
        assertEquals("((\"John Q. Public\" NIL \"jqp\" \"x\"))", addresses("John  Q.   Public <jqp@x>"));
        assertEquals("((NIL NIL \"a\" \"b\")(NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")(NIL NIL \"c\" \"d\"))",
                addresses("<a@b>, , c@d"));
        assertEquals("((NIL NIL \"group\" NIL)(NIL NIL NIL NIL))", addresses("group:;"));
        assertEquals("((NIL NIL \"g1\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL))", addresses("g1: a@b; g2: c@d;"));
        assertEquals("((\"Pete\" NIL \"pete\" \"silly.test\"))",
                addresses("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"));
        assertEquals("((\"=?utf-8?q?J=C3=B6rg?=\" NIL \"j\" \"x\"))", addresses("=?utf-8?q?J=C3=B6rg?= <j@x>"));
        assertEquals("((NIL NIL \"e\" \"f\"))", addresses("\"\" <e@f>"));
        assertEquals("((NIL NIL \"a\" \"b\"))", addresses("a@b@c"));
        assertEquals("((NIL NIL \"a\" \"SYNTAX_ERROR\"))", addresses("<a@b"));
        assertEquals("((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\"))", addresses("@"));
        assertEquals("((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\"))", addresses("\"unterminated <x@y>"));
        assertEquals("((\"Mary Smith\" NIL \"mary\" \"x.test\")(NIL NIL \"jdoe\" \"example.org\")"
                + "(\"Who?\" NIL \"one\" \"y.test\"))",
                addresses("Mary Smith <mary@x.test>, jdoe@example.org, \"Who?\" <one@y.test>"));
        assertEquals("NIL", addresses("   "));
        assertEquals("((NIL NIL \"A Group\" NIL)(\"Ed Jones\" NIL \"c\" \"a.test\")(NIL NIL \"joe\" \"where.test\")"
                + "(\"John\" NIL \"jdoe\" \"one.test\")(NIL NIL NIL NIL))",
                addresses("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;"));
        assertEquals("((NIL NIL \"x\" \"[127.0.0.1]\"))", addresses("x@[127.0.0.1]"));
        assertEquals("((NIL NIL \"a.b.c\" \"d.e.f\"))", addresses("a.b.c@d.e.f"));
        assertEquals("((NIL NIL \"local\" \"MISSING_DOMAIN\"))", addresses("local"));
        assertEquals("((NIL \"@r1\" \"x\" \"y\"))", addresses("<@r1:x@y>"));
        assertEquals("((NIL \"@route1,@route2\" \"b\" \"ex.org\"))", addresses("<@route1,@route2:b@ex.org>"));
        assertEquals("(({5}\r\ncafé NIL \"8bit\" \"x\"))", addresses("café <8bit@x>"));
        assertEquals("((\"Fred \\\"Q\\\" Foo\" NIL \"fred\" \"example.com\"))",
                addresses("\"Fred \\\"Q\\\" Foo\" <fred@example.com>"));
    }

    @Test
    void groupMarkers() {
        List<Address> a = AddressParser.parse("Team: anna@x, ben@y;, c@z");
        assertEquals(5, a.size());
        assertEquals(true, a.get(0).isGroupStart());
        assertEquals("Team", a.get(0).mailbox());
        assertEquals("anna@x", a.get(1).addrSpec());
        assertEquals(true, a.get(3).isGroupEnd());
        assertEquals("c@z", a.get(4).addrSpec());
        assertEquals(List.of(), AddressParser.parse(null));
    }

    @Test
    void repeatedFieldsAndDefaults() throws IOException {
        // As Dovecot: the first Content-* wins, the last Subject wins, address fields add up,
        // Sender and Reply-To default to From (also when present but empty).
        MessageStructure m = Corpus.parse("Content-Type: text/plain\nContent-Type: text/html\nContent-ID: <a>\n"
                + "Content-ID: <b>\nSubject: s1\nSubject: s2\nFrom: a@b\nFrom: c@d\nSender:\n\nx");
        assertEquals("(NIL \"s2\" ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) "
                + "((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) NIL NIL NIL NIL NIL)",
                BodyStructureTest.str(EnvelopeFormatter.format(m.envelope())));
        assertEquals("(\"text\" \"plain\" (\"charset\" \"us-ascii\") \"<a>\" NIL \"7bit\" 1 0)",
                BodyStructureTest.str(BodyStructureFormatter.body(m)));
    }

    @Test
    void subjectsAreTidiedDatesAndIdsKeptAsWritten() throws IOException {
        MessageStructure m = Corpus.parse("Subject: =?utf-8?q?caf=C3=A9?= is\n\t good  \n  really\n"
                + "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\nMessage-ID:\n <abc@def>\n"
                + "In-Reply-To: <x@y> (comment)\n\nx\n");
        assertEquals("(\"Mon, 7 Feb 1994 21:52:25 -0800 (PST)\" \"=?utf-8?q?caf=C3=A9?= is good really\" NIL NIL NIL "
                + "NIL NIL NIL \"<x@y> (comment)\" \" <abc@def>\")",
                BodyStructureTest.str(EnvelopeFormatter.format(m.envelope())));
        assertEquals("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)", BodyStructureTest.str(EnvelopeFormatter.format(Envelope.EMPTY)));
        assertEquals("((NIL NIL \"a\" \"b\"))", from("a@b"));
    }

    @Test
    void theHeaderAloneGivesTheSameEnvelope() throws IOException {
        for (var e : Corpus.all().entrySet()) {
            MessageSource source = Corpus.source(e.getValue());
            assertEquals(BodyStructureTest.str(EnvelopeFormatter.format(MessageStructure.parse(source).envelope())),
                    BodyStructureTest.str(EnvelopeFormatter.format(MessageStructure.envelope(source))), e.getKey());
        }
    }
}
