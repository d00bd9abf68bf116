package io.tegami.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC822.SIZE, BODY, BODYSTRUCTURE and ENVELOPE of the corpus, as Dovecot 2.3.19 reports them for
 * the same bytes (compared after writing Dovecot's literals as quoted strings), and the RFC 3501
 * FETCH example.
 */
class BodyStructureTest {

    private static void expect(String message, long size, String body, String bodyStructure, String envelope)
            throws IOException {
        MessageStructure m = Corpus.parse(message);
        assertEquals(size, m.size(), "RFC822.SIZE");
        assertEquals(body, str(BodyStructureFormatter.body(m)), "BODY");
        assertEquals(bodyStructure, str(BodyStructureFormatter.bodyStructure(m)), "BODYSTRUCTURE");
        assertEquals(envelope, str(EnvelopeFormatter.format(m.envelope())), "ENVELOPE");
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void corpusMatchesDovecot() throws IOException {
        expect(Corpus.PLAIN, 351,
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 52 5)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 52 5 NIL NIL NIL NIL)",
                "(\"Tue, 12 Mar 2024 09:15:00 +0100\" \"Lunch on Friday?\" ((\"Alice Example\" NIL \"alice\" \"example.org\")) ((\"Alice Example\" NIL \"alice\" \"example.org\")) ((\"Alice Example\" NIL \"alice\" \"example.org\")) ((\"Bob\" NIL \"bob\" \"example.net\")) NIL NIL NIL \"<plain-1@example.org>\")");
        expect(Corpus.ALTERNATIVE, 793,
                "((\"text\" \"plain\" (\"charset\" \"UTF-8\") NIL NIL \"quoted-printable\" 90 1)(\"text\" \"html\" (\"charset\" \"UTF-8\") NIL NIL \"base64\" 76 0) \"alternative\")",
                "((\"text\" \"plain\" (\"charset\" \"UTF-8\") NIL NIL \"quoted-printable\" 90 1 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"UTF-8\") NIL NIL \"base64\" 76 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"==alt==\") NIL NIL NIL)",
                "(\"Wed, 13 Mar 2024 18:02:11 -0400\" \"=?UTF-8?B?UsOpdW5pb24gZGUgbCfDqXF1aXBl?=\" ((\"=?UTF-8?Q?Ren=C3=A9e_Dupont?=\" NIL \"renee\" \"example.com\")) ((\"=?UTF-8?Q?Ren=C3=A9e_Dupont?=\" NIL \"renee\" \"example.com\")) ((\"=?UTF-8?Q?Ren=C3=A9e_Dupont?=\" NIL \"renee\" \"example.com\")) ((NIL NIL \"team\" \"example.com\")) ((\"Carl, the boss\" NIL \"carl\" \"example.com\")(NIL NIL \"dora\" \"example.com\")) NIL \"<plain-1@example.org>\" \"<alt-2@example.com>\")");
        expect(Corpus.MIXED_NESTED, 1693,
                "(((\"text\" \"plain\" (\"charset\" \"utf-8\" \"format\" \"flowed\") NIL NIL \"7bit\" 24 0)((\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 64 0)(\"image\" \"png\" (\"name\" \"logo.png\") \"<logo@example.com>\" NIL \"base64\" 98) \"related\") \"alternative\")(\"application\" \"pdf\" NIL NIL \"The report\" \"base64\" 146)(\"text\" \"plain\" (\"charset\" \"us-ascii\" \"name\" \"notes.txt\") NIL NIL \"7bit\" 26 1) \"mixed\")",
                "(((\"text\" \"plain\" (\"charset\" \"utf-8\" \"format\" \"flowed\") NIL NIL \"7bit\" 24 0 NIL NIL NIL NIL)((\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 64 0 NIL NIL NIL NIL)(\"image\" \"png\" (\"name\" \"logo.png\") \"<logo@example.com>\" NIL \"base64\" 98 NIL (\"inline\" (\"filename\" \"logo.png\")) NIL NIL) \"related\" (\"boundary\" \"rel\" \"type\" \"text/html\") NIL NIL NIL) \"alternative\" (\"boundary\" \"inner-alt\") NIL NIL NIL)(\"application\" \"pdf\" NIL NIL \"The report\" \"base64\" 146 NIL (\"attachment\" (\"filename*\" \"utf-8''R%C3%A9sum%C3%A9.pdf\")) NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\" \"name\" \"notes.txt\") NIL NIL \"7bit\" 26 1 \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"attachment\" (\"filename\" \"notes.txt\")) (\"en-GB\" \"fr\") \"http://example.com/notes.txt\") \"mixed\" (\"boundary\" \"outer-boundary\") NIL NIL NIL)",
                "(\"Thu, 14 Mar 2024 07:30:00 +0000\" \"[reports] Monthly report (fwd)\" ((\"Reports\" NIL \"reports\" \"example.com\")) ((NIL NIL \"robot\" \"example.com\")) ((\"Help Desk\" NIL \"help\" \"example.com\")) ((NIL NIL \"Undisclosed recipients\" NIL)(NIL NIL NIL NIL)) NIL ((NIL NIL \"audit\" \"example.com\")) NIL \"<mixed-3@example.com>\")");
        expect(Corpus.RFC822_INSIDE, 853,
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 18 1)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 379 (\"Mon, 11 Mar 2024 08:00:00 +0000\" \"the original\" ((\"Original Sender\" NIL \"orig\" \"example.net\")) ((\"Original Sender\" NIL \"orig\" \"example.net\")) ((\"Original Sender\" NIL \"orig\" \"example.net\")) ((NIL NIL \"fwd\" \"example.jp\")) NIL NIL NIL \"<orig-4@example.net>\") ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0)(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 20 0) \"alternative\") 17)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 55 (NIL \"not MIME\" ((NIL NIL \"plain\" \"example.net\")) ((NIL NIL \"plain\" \"example.net\")) ((NIL NIL \"plain\" \"example.net\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 9 0) 3) \"mixed\")",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 18 1 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 379 (\"Mon, 11 Mar 2024 08:00:00 +0000\" \"the original\" ((\"Original Sender\" NIL \"orig\" \"example.net\")) ((\"Original Sender\" NIL \"orig\" \"example.net\")) ((\"Original Sender\" NIL \"orig\" \"example.net\")) ((NIL NIL \"fwd\" \"example.jp\")) NIL NIL NIL \"<orig-4@example.net>\") ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 20 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"b2\") NIL NIL NIL) 17 NIL (\"attachment\" NIL) NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 55 (NIL \"not MIME\" ((NIL NIL \"plain\" \"example.net\")) ((NIL NIL \"plain\" \"example.net\")) ((NIL NIL \"plain\" \"example.net\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 9 0 NIL NIL NIL NIL) 3 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b1\") NIL NIL NIL)",
                "(\"Fri, 15 Mar 2024 12:00:00 +0900\" \"Fwd: the original\" ((NIL NIL \"fwd\" \"example.jp\")) ((NIL NIL \"fwd\" \"example.jp\")) ((NIL NIL \"fwd\" \"example.jp\")) ((NIL NIL \"you\" \"example.jp\")) NIL NIL NIL \"<outer-4@example.jp>\")");
        expect(Corpus.BROKEN, 218,
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 26 1) \"mixed\")",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 26 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"bb\") NIL NIL NIL)",
                "(NIL \"broken MIME\" ((NIL NIL \"broken\" \"example.com\")) ((NIL NIL \"broken\" \"example.com\")) ((NIL NIL \"broken\" \"example.com\")) NIL NIL NIL NIL NIL)");
        expect(Corpus.EIGHT_BIT, 218,
                "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 18 1)",
                "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 18 1 NIL NIL NIL NIL)",
                "(\"16 Mar 24 10:00 MET\" {17}\r\nGrüße aus Köln (({13}\r\nJörg Müller NIL \"joerg\" \"example.de\")) (({13}\r\nJörg Müller NIL \"joerg\" \"example.de\")) (({13}\r\nJörg Müller NIL \"joerg\" \"example.de\")) (({4}\r\nZoë NIL \"zoe\" \"example.de\")) NIL NIL NIL NIL)");
        expect(Corpus.DIGEST, 258,
                "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 42 (NIL \"first\" ((NIL NIL \"a\" \"example.org\")) ((NIL NIL \"a\" \"example.org\")) ((NIL NIL \"a\" \"example.org\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0) 3)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 43 (NIL \"second\" ((NIL NIL \"b\" \"example.org\")) ((NIL NIL \"b\" \"example.org\")) ((NIL NIL \"b\" \"example.org\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0) 3)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 7 0) \"digest\")",
                "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 42 (NIL \"first\" ((NIL NIL \"a\" \"example.org\")) ((NIL NIL \"a\" \"example.org\")) ((NIL NIL \"a\" \"example.org\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0 NIL NIL NIL NIL) 3 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 43 (NIL \"second\" ((NIL NIL \"b\" \"example.org\")) ((NIL NIL \"b\" \"example.org\")) ((NIL NIL \"b\" \"example.org\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0 NIL NIL NIL NIL) 3 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 7 0 NIL NIL NIL NIL) \"digest\" (\"boundary\" \"dig\") NIL NIL NIL)",
                "(NIL \"Digest, Vol 1\" ((NIL NIL \"list\" \"example.org\")) ((NIL NIL \"list\" \"example.org\")) ((NIL NIL \"list\" \"example.org\")) NIL NIL NIL NIL NIL)");
        expect(Corpus.NO_BOUNDARY, 91,
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" NIL NIL NIL NIL)",
                "(NIL \"multipart without boundary\" NIL NIL NIL NIL NIL NIL NIL NIL)");
        expect(Corpus.HEADER_ONLY, 51,
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
                "(NIL \"header only\" NIL NIL NIL NIL NIL NIL NIL NIL)");
        expect(Corpus.FOLDED, 352,
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                "(NIL \"a subject that is folded\" ((\"Folded\" NIL \"folded\" \"example.com\")) ((\"Folded\" NIL \"folded\" \"example.com\")) ((\"Folded\" NIL \"folded\" \"example.com\")) ((NIL NIL \"bob\" \"example.net\")) NIL NIL NIL \"<folded-9@example.com>\")");
        expect(Corpus.rfc3501Example(), 6464,
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") \"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\")",
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23 NIL NIL NIL NIL)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") \"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73 NIL NIL NIL NIL) \"MIXED\" (\"BOUNDARY\" \"8323328-2120168431-824688378=:325\") NIL NIL NIL)",
                "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.edu>\")");
    }

    @Test
    void rfc3501FetchExample() throws IOException {
        MessageStructure m = Corpus.parse(Corpus.rfc3501Example());
        // RFC 3501 6.4.5 example response, verbatim.
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)"
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
                + "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\")",
                str(BodyStructureFormatter.body(m)));
        assertEquals("(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((NIL NIL \"imap\" \"cac.washington.edu\")) "
                + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) "
                + "NIL NIL \"<B27397-0100000@cac.washington.edu>\")", str(EnvelopeFormatter.format(m.envelope())));
    }

    @Test
    void deepNestingIsCutAtTheLimitAsAnOpaquePart() throws IOException {
        MessageStructure m = Corpus.parse(Corpus.deep(60));
        MessagePart p = m.root();
        int depth = 0;
        while (p.isMultipart()) {
            assertEquals(1, p.children().size());
            p = p.children().get(0);
            depth++;
        }
        // The root is level 1; 49 more levels are parsed, the 50th container becomes opaque.
        assertEquals(MimeLimits.DEFAULT.maxDepth() - 1, depth);
        assertEquals("application/octet-stream", p.mimeType());
        assertEquals("level49x", p.param("boundary"));
        assertTrue(p.children().isEmpty());
        // Dovecot cuts at 100 levels; below that it matches: 60 levels in full with a higher limit.
        MessageStructure full = MessageStructure.parse(Corpus.source(Corpus.deep(60)), new MimeLimits(100, 10_000, 65536, 200));
        String s = str(BodyStructureFormatter.body(full));
        assertTrue(s.startsWith("(".repeat(61) + "\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 7 0)"), s);
    }

    @Test
    void veryDeepNestingNeedsNoDeepStack() throws IOException {
        // 100000 levels: only MimeLimits.maxDepth of them are parsed; the rest is body text.
        MessageStructure m = Corpus.parse(Corpus.deep(100_000));
        assertEquals(Corpus.utf8(Corpus.deep(100_000)).length + countLf(Corpus.deep(100_000)), m.size());
        BodyStructureFormatter.bodyStructure(m); // no StackOverflowError
    }

    @Test
    void tooManyPartsStopsParsingParts() throws IOException {
        StringBuilder sb = new StringBuilder("Content-Type: multipart/mixed; boundary=p\n\n");
        for (int i = 0; i < 50; i++) {
            sb.append("--p\n\npart ").append(i).append('\n');
        }
        sb.append("--p--\n");
        MessageStructure m = MessageStructure.parse(Corpus.source(sb.toString()), new MimeLimits(50, 10, 65536, 200));
        // The root and 9 parts make 10; the rest of the body is not split any further.
        assertEquals(9, m.root().children().size());
        assertEquals(Corpus.utf8(sb.toString()).length + countLf(sb.toString()), m.size());
    }

    @Test
    void brokenContentTypesAreTextPlainAsRfc2045Says() throws IOException {
        // Dovecot reports ("text" "") and ("" ""); RFC 2045 5.2 says text/plain; charset=us-ascii.
        for (String ct : List.of("text", ";;;", "/plain", "text/", "")) {
            MessageStructure m = Corpus.parse("Content-Type: " + ct + "\n\nx");
            assertEquals("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0)",
                    str(BodyStructureFormatter.body(m)), ct);
        }
    }

    @Test
    void contentFieldsCountOnlyInMimeParts() throws IOException {
        // No MIME-Version and no Content-Type: Content-Transfer-Encoding and Content-ID are ignored (Dovecot).
        MessageStructure m = Corpus.parse("Subject: x\nContent-Transfer-Encoding: base64\nContent-ID: <i>\n\nbody\n");
        assertEquals("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                str(BodyStructureFormatter.body(m)));
        m = Corpus.parse("MIME-Version: 1.0\nContent-Transfer-Encoding: base64\nContent-ID: <i>\n\nbody\n");
        assertEquals("(\"text\" \"plain\" (\"charset\" \"us-ascii\") \"<i>\" NIL \"base64\" 6 1)",
                str(BodyStructureFormatter.body(m)));
    }

    @Test
    void rfc2231ContinuationsAreJoined() throws IOException {
        MessageStructure m = Corpus.parse("Content-Type: text/plain; name*0=\"foo\"; name*1=\" bar.txt\";\n"
                + " title*0*=us-ascii'en'This%20is%20; title*1*=%2A%2A%2Afun; title*2=\"%*\"; charset=UTF-8\n\nx");
        assertEquals(List.of(new MimeParam("name", "foo bar.txt"),
                new MimeParam("title*", "us-ascii'en'This%20is%20%2A%2A%2Afun%25%2A"),
                new MimeParam("charset", "UTF-8")), m.root().params());
    }

    @Test
    void quotedAndEightBitValuesUseLiterals() throws IOException {
        MessageStructure m = Corpus.parse("MIME-Version: 1.0\nContent-Type: text/plain; name=\"a\\\"b\"; x=\"caf\u00e9\"\n"
                + "Content-Description: \"\"\"\"\"\n\nx");
        String s = str(BodyStructureFormatter.body(m));
        assertEquals("(\"text\" \"plain\" (\"name\" \"a\\\"b\" \"x\" {5}\r\ncaf\u00e9 \"charset\" \"us-ascii\") NIL "
                + "{5}\r\n\"\"\"\"\" \"7bit\" 1 0)", s);
    }

    @Test
    void multipartWithoutPartsShowsAnEmptyTextPart() throws IOException {
        MessageStructure m = Corpus.parse("Content-Type: multipart/mixed; boundary=a\n\n--a--\n");
        assertTrue(m.root().isMultipart());
        assertTrue(m.root().children().isEmpty());
        assertEquals("((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" "
                + "(\"boundary\" \"a\") NIL NIL NIL)", str(BodyStructureFormatter.bodyStructure(m)));
    }

    @Test
    void messageRfc822PartsCarryTheInnerEnvelopeAndStructure() throws IOException {
        MessageStructure m = Corpus.parse(Corpus.RFC822_INSIDE);
        MessagePart fwd = m.root().children().get(1);
        assertTrue(fwd.isMessage());
        assertFalse(fwd.isMultipart());
        assertEquals("the original", fwd.message().envelope().subject());
        assertTrue(fwd.message().isMultipart());
        assertEquals(fwd.bodyOffset(), fwd.message().headerOffset());
        assertEquals(fwd.endOffset(), fwd.message().endOffset());
    }

    private static int countLf(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
