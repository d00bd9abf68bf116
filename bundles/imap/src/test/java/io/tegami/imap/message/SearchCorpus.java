package io.tegami.imap.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages for SEARCH tests, with the charsets and transfer encodings text comes in. Their
 * expected results were checked against Dovecot 2.3.19 SEARCH on the same bytes.
 */
final class SearchCorpus {

    private SearchCorpus() {
    }

    static final String LATIN1_QP = """
            Date: Mon, 01 Jan 2024 23:30:00 -0500
            From: Chef <chef@example.fr>
            To: gourmets@example.fr
            Subject: =?iso-8859-1?q?caf=E9?= and dessert
            MIME-Version: 1.0
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Ce soir: cr=E8me br=FBl=E9e, et un caf=E9 tr=E8s=20
            serr=E9.
            """;

    static final String UTF8_BASE64 = """
            Date: Tue, 02 Jan 2024 08:00:00 +0100
            From: =?utf-8?b?SsO8cmdlbiBXZWnDnw==?= <juergen@example.de>
            To: Team: anna@example.de, ben@example.de;
            Subject: Re: [list] Résumé
            Message-ID: <b64@example.de>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            R3LDvMOfZSBhdXMgS8O2bG4sIGRpZSBTdHJhw59lIGlzdCBsYW5nLgo=
            """;

    static final String HTML_AND_ATTACHMENT = """
            Date: Wed, 03 Jan 2024 12:00:00 +0000
            From: shop@example.com
            To: buyer@example.com
            Subject: Your order
            X-Mailer: Order System 2.0
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="m"

            --m
            Content-Type: text/html; charset=utf-8

            <p>Delivery to <b>Hauptstraße</b> 5</p>
            --m
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: base64

            c2VjcmV0d29yZCBpbiBhbiBhdHRhY2htZW50Cg==
            --m--
            """;

    static final String FORWARDED = """
            Date: Thu, 04 Jan 2024 09:00:00 +0000
            From: fwd@example.com
            To: me@example.com
            Subject: Fwd: report
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="f"

            --f
            Content-Type: text/plain

            see below
            --f
            Content-Type: message/rfc822

            From: inner@example.com
            Subject: inner subject line
            Content-Type: text/plain; charset=us-ascii

            innerbody words
            --f--
            """;

    static final String NO_DATE = """
            From: nodate@example.com
            Subject: no date here

            plain body with needle
            """;

    /** windows-1252 bytes: ï is 0xEF, € is 0x80. */
    static final String CP1252 = """
            Date: 5 Jan 2024 10:00:00 GMT
            From: euro@example.com
            Subject: price
            Content-Type: text/plain; charset=windows-1252
            Content-Transfer-Encoding: 8bit

            A naïve price: 5 €.
            """;

    static List<byte[]> all() {
        List<byte[]> list = new ArrayList<>();
        list.add(LATIN1_QP.getBytes(StandardCharsets.US_ASCII));
        list.add(UTF8_BASE64.getBytes(StandardCharsets.UTF_8));
        list.add(HTML_AND_ATTACHMENT.getBytes(StandardCharsets.UTF_8));
        list.add(FORWARDED.getBytes(StandardCharsets.US_ASCII));
        list.add(NO_DATE.getBytes(StandardCharsets.US_ASCII));
        list.add(CP1252.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        return list;
    }
}
