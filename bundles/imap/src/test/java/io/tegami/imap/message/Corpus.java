package io.tegami.imap.message;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test messages, stored as the Maildir store keeps them: LF line endings. The expected
 * BODYSTRUCTURE, ENVELOPE and section strings in the tests were produced by Dovecot 2.3.19 from
 * these very bytes (imap in PREAUTH mode over a Maildir), literals written as quoted strings
 * where Dovecot chose a literal only for tidied text.
 */
final class Corpus {

    private Corpus() {
    }

    static final String PLAIN = """
            Return-Path: <alice@example.org>
            Delivered-To: bob@example.net
            Date: Tue, 12 Mar 2024 09:15:00 +0100
            From: Alice Example <alice@example.org>
            To: Bob <bob@example.net>
            Subject: Lunch on Friday?
            Message-ID: <plain-1@example.org>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=us-ascii

            Hi Bob,

            shall we have lunch on Friday?

            Alice
            """;

    static final String ALTERNATIVE = """
            Date: Wed, 13 Mar 2024 18:02:11 -0400
            From: =?UTF-8?Q?Ren=C3=A9e_Dupont?= <renee@example.com>
            To: team@example.com
            Cc: "Carl, the boss" <carl@example.com>, dora@example.com
            Subject: =?UTF-8?B?UsOpdW5pb24gZGUgbCfDqXF1aXBl?=
            Message-ID: <alt-2@example.com>
            In-Reply-To: <plain-1@example.org>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="==alt=="

            This is a multi-part message in MIME format.

            --==alt==
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: quoted-printable

            La r=C3=A9union de l'=C3=A9quipe est d=C3=A9plac=C3=A9e =C3=A0 jeudi.
            Merci de confirmer.
            --==alt==
            Content-Type: text/html; charset=UTF-8
            Content-Transfer-Encoding: base64

            PHA+TGEgcsOpdW5pb24gZGUgbCfDqXF1aXBlIGVzdCBkw6lwbGFjw6llIMOgIGpldWRpLjwvcD4K
            --==alt==--
            """;

    static final String MIXED_NESTED = """
            Date: Thu, 14 Mar 2024 07:30:00 +0000
            From: Reports <reports@example.com>
            Sender: robot@example.com
            Reply-To: Help Desk <help@example.com>
            To: Undisclosed recipients:;
            Bcc: audit@example.com
            Subject: [reports] Monthly report (fwd)
            Message-ID: <mixed-3@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed;
            \tboundary="outer-boundary"

            --outer-boundary
            Content-Type: multipart/alternative; boundary="inner-alt"

            --inner-alt
            Content-Type: text/plain; charset="utf-8"; format=flowed

            See the attached report.
            --inner-alt
            Content-Type: multipart/related; boundary=rel; type="text/html"

            --rel
            Content-Type: text/html; charset=utf-8

            <p>See the attached <img src="cid:logo@example.com"> report.</p>
            --rel
            Content-Type: image/png; name="logo.png"
            Content-Transfer-Encoding: base64
            Content-ID: <logo@example.com>
            Content-Disposition: inline; filename="logo.png"

            iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA
            60e6kgAAAABJRU5ErkJggg==
            --rel--
            --inner-alt--
            --outer-boundary
            Content-Type: application/pdf
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment;
             filename*0*=utf-8''R%C3%A9sum%C3%A9;
             filename*1=".pdf"
            Content-Description: The report

            JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSL0ZpbHRlci9GbGF0
            ZURlY29kZT4+CnN0cmVhbQp4nDPQM1Qo5ypUMFAw0DM3VTBUMLAyUTBQMDc1UjAoyuUCAGUz
            --outer-boundary
            Content-Type: text/plain; charset=us-ascii; name=notes.txt
            Content-Language: en-GB, fr
            Content-Location: http://example.com/notes.txt
            Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==
            Content-Disposition: attachment; filename=notes.txt

            notes line 1
            notes line 2
            --outer-boundary--

            epilogue text
            """;

    static final String RFC822_INSIDE = """
            Date: Fri, 15 Mar 2024 12:00:00 +0900
            From: fwd@example.jp
            To: you@example.jp
            Subject: Fwd: the original
            Message-ID: <outer-4@example.jp>
            References: <orig-4@example.net>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain

            Forwarding this.

            --b1
            Content-Type: message/rfc822
            Content-Disposition: attachment

            Date: Mon, 11 Mar 2024 08:00:00 +0000
            From: Original Sender <orig@example.net>
            To: fwd@example.jp
            Subject: the original
            Message-ID: <orig-4@example.net>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b2"

            --b2
            Content-Type: text/plain; charset=us-ascii

            original text
            --b2
            Content-Type: text/html; charset=us-ascii

            <b>original</b> text
            --b2--

            --b1
            Content-Type: message/rfc822

            From: plain@example.net
            Subject: not MIME

            just text
            --b1--
            """;

    /** A missing close delimiter, a part whose header runs into the next boundary, stray lines. */
    static final String BROKEN = """
            From: broken@example.com
            Subject: broken MIME
            Content-Type: multipart/mixed; boundary="bb"

            --bb
            Content-Type: text/plain
            --bb
            no header at all here
            --bbx
            Content-Type: text/plain

            part three, never closed
            """;

    /** Raw UTF-8 in headers (RFC 6532) and in a Latin-1 body. */
    static final String EIGHT_BIT = """
            From: Jörg Müller <joerg@example.de>
            To: "Zoë" <zoe@example.de>
            Subject: Grüße aus Köln
            Date: 16 Mar 24 10:00 MET
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            Schöne Grüße!
            """;

    static final String DIGEST = """
            From: list@example.org
            Subject: Digest, Vol 1
            Content-Type: multipart/digest; boundary="dig"

            --dig

            From: a@example.org
            Subject: first

            one
            --dig

            From: b@example.org
            Subject: second

            two
            --dig
            Content-Type: text/plain

            trailer
            --dig--
            """;

    static final String NO_BOUNDARY = """
            Subject: multipart without boundary
            Content-Type: multipart/mixed

            --x

            hello
            --x--
            """;

    static final String HEADER_ONLY = "Subject: header only\nX-Empty:\nX-Folded: one\n\ttwo";

    /** Folded fields and case variants, for HEADER.FIELDS. */
    static final String FOLDED = """
            Received: from mx.example.com (mx.example.com [192.0.2.1])
            \tby mail.example.net with ESMTP id 123
            \tfor <bob@example.net>; Sun, 17 Mar 2024 11:00:00 +0100
            SUBJECT: a subject
             that is folded
            from: Folded <folded@example.com>
            To: bob@example.net
            X-Spam-Status: No, score=-1.0
            x-spam-status: second one
            Message-Id: <folded-9@example.com>

            body
            """;

    /** Shaped like RFC 3501's FETCH example (sizes 1152/23 and 4554/73 come from generated content). */
    static String rfc3501Example() {
        StringBuilder sb = new StringBuilder();
        sb.append("Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\n")
                .append("From: Terry Gray <gray@cac.washington.edu>\n")
                .append("Subject: IMAP4rev1 WG mtg summary and minutes\n")
                .append("To: imap@cac.washington.edu\n")
                .append("cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\n")
                .append("Message-Id: <B27397-0100000@cac.washington.edu>\n")
                .append("MIME-Version: 1.0\n")
                .append("Content-Type: MULTIPART/MIXED; BOUNDARY=\"8323328-2120168431-824688378=:325\"\n\n")
                .append("--8323328-2120168431-824688378=:325\n")
                .append("Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\n")
                .append("Content-Transfer-Encoding: 7BIT\n\n");
        // 1152 octets in 23 lines (22 of 48 + CRLF, one of 50 + CRLF); the empty line's CRLF
        // then belongs to the boundary (RFC 2046 5.1.1).
        for (int i = 0; i < 22; i++) {
            sb.append(line(48, 'a' + i % 26)).append('\n');
        }
        sb.append(line(50, 'z')).append("\n\n");
        sb.append("--8323328-2120168431-824688378=:325\n")
                .append("Content-Type: TEXT/PLAIN; CHARSET=US-ASCII; NAME=\"cc.diff\"\n")
                .append("Content-ID: <960723163407.20117h@cac.washington.edu>\n")
                .append("Content-Description: Compiler diff\n")
                .append("Content-Transfer-Encoding: BASE64\n\n");
        // 4554 octets in 73 lines: 72 of 60 + CRLF, one of 88 + CRLF.
        for (int i = 0; i < 72; i++) {
            sb.append(line(60, 'A' + i % 26)).append('\n');
        }
        sb.append(line(88, 'Q')).append("\n\n");
        sb.append("--8323328-2120168431-824688378=:325--\n");
        return sb.toString();
    }

    private static String line(int n, int c) {
        return String.valueOf((char) c).repeat(n);
    }

    /** Multiparts nested {@code depth} deep around one text part. */
    static String deep(int depth) {
        StringBuilder sb = new StringBuilder("Subject: deep\n");
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=level").append(i).append("x\n\n--level")
                    .append(i).append("x\n");
        }
        sb.append("Content-Type: text/plain\n\ndeepest\n");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append("--level").append(i).append("x--\n");
        }
        return sb.toString();
    }

    /** The corpus for the Dovecot comparisons, in a fixed order. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("PLAIN", utf8(PLAIN));
        m.put("ALTERNATIVE", utf8(ALTERNATIVE));
        m.put("MIXED_NESTED", utf8(MIXED_NESTED));
        m.put("RFC822_INSIDE", utf8(RFC822_INSIDE));
        m.put("BROKEN", utf8(BROKEN));
        m.put("EIGHT_BIT", utf8(EIGHT_BIT));
        m.put("DIGEST", utf8(DIGEST));
        m.put("NO_BOUNDARY", utf8(NO_BOUNDARY));
        m.put("HEADER_ONLY", utf8(HEADER_ONLY));
        m.put("FOLDED", utf8(FOLDED));
        m.put("RFC3501", utf8(rfc3501Example()));
        m.put("DEEP60", utf8(deep(60)));
        return m;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static MessageSource source(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    static MessageSource source(String message) {
        return source(utf8(message));
    }

    static MessageStructure parse(String message) throws java.io.IOException {
        return MessageStructure.parse(source(message));
    }
}
