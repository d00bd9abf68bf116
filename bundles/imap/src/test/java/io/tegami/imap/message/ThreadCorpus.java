package io.tegami.imap.message;

import io.tegami.api.store.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Messages for SORT and THREAD tests: replies by References and by In-Reply-To, a missing
 * parent, a duplicate and a self-referring Message-ID, subject merging, equal and missing dates.
 * The expected orders and threads were checked against Dovecot 2.3.19 on the same messages
 * (internal dates set as the files' times).
 */
final class ThreadCorpus {

    private ThreadCorpus() {
    }

    /** One message: its header lines, and its internal date. */
    record Msg(String header, Instant internalDate) {
        byte[] bytes() {
            return (header + "\nbody of " + header.length() + "\n".repeat(header.length() % 5))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Msg msg(String internal, String... lines) {
        return new Msg(String.join("\n", lines) + "\n", Instant.parse(internal));
    }

    static final List<Msg> MESSAGES = List.of(
            msg("2024-02-01T10:00:05Z", "Message-ID: <a@x>", "Subject: Meeting",
                    "Date: Thu, 1 Feb 2024 10:00:00 +0000", "From: Zed Last <zed@example.com>",
                    "To: alpha@example.com", "Cc: Mike <mike@example.com>"),
            msg("2024-02-01T11:00:05Z", "Message-ID: <b@x>", "References: <a@x>", "Subject: Re: Meeting",
                    "Date: Thu, 1 Feb 2024 11:00:00 +0000", "From: amy@example.com", "To: Zed Last <zed@example.com>"),
            msg("2024-02-01T12:00:05Z", "Message-ID: <c@x>", "References: <a@x> <b@x>",
                    "Subject: Re: Re: Meeting", "Date: Thu, 1 Feb 2024 12:00:00 +0000",
                    "From: =?utf-8?q?=C3=89mile?= <emile@example.fr>", "To: Bob <bob@example.com>",
                    "Cc: cara@example.com"),
            msg("2024-02-01T10:30:05Z", "Message-ID: <d@x>", "In-Reply-To: <a@x> (Zed's message)",
                    "Subject: RE: Meeting", "Date: Thu, 1 Feb 2024 10:30:00 +0000", "From: Bob <bob@example.com>"),
            msg("2024-02-02T00:00:05Z", "Message-ID: <e@x>", "References: <missing@x>", "Subject: Lost parent",
                    "Date: Fri, 2 Feb 2024 00:00:00 +0000", "From: carl@example.com", "To: group: x@y, z@w;"),
            msg("2024-02-02T01:00:05Z", "Message-ID: <f@x>", "References: <missing@x>",
                    "Subject: Re: Lost parent", "Date: Fri, 2 Feb 2024 01:00:00 +0000", "From: dan@example.com"),
            msg("2024-02-03T00:00:05Z", "Message-ID: <g@x>", "Subject: Fwd: Meeting",
                    "Date: Sat, 3 Feb 2024 00:00:00 +0000", "From: \"Al, Jr.\" <al@example.com>"),
            msg("2024-01-30T00:00:05Z", "Subject: [list] Announcement", "Date: Tue, 30 Jan 2024 00:00:00 +0000",
                    "From: list@example.org"),
            msg("2024-01-31T00:00:05Z", "Message-ID: <i@x>", "Subject: Announcement",
                    "Date: Wed, 31 Jan 2024 00:00:00 +0000", "From: boss@example.org"),
            msg("2024-02-05T00:00:05Z", "Message-ID: <a@x>", "Subject: Duplicate ID",
                    "Date: Mon, 5 Feb 2024 00:00:00 +0000", "From: dup@example.com"),
            msg("2024-01-15T00:00:05Z", "Message-ID: <k@x>", "References: <k@x>", "Subject: Self ref",
                    "From: self@example.com"),
            msg("2024-02-02T02:00:05Z", "Message-ID: <l@x>", "References: <f@x> <e@x>",
                    "Subject: Re: Lost parent", "Date: Fri, 2 Feb 2024 02:00:00 +0000", "From: eve@example.com"),
            msg("2024-02-04T00:00:05Z", "Message-ID: <n@x>", "Subject:", "Date: Sun, 4 Feb 2024 00:00:00 +0000",
                    "From: ann@example.com"),
            msg("2024-02-04T00:00:05Z", "Message-ID: <o@x>", "Subject: [fwd: Meeting]",
                    "Date: Sun, 4 Feb 2024 00:00:00 +0000", "From: Ann <ann@example.com>"),
            msg("2024-02-04T00:00:05Z", "Message-ID: <p@x>", "Subject: Re: Announcement",
                    "Date: Sun, 4 Feb 2024 00:00:00 +0000", "From: Quinn <quinn@example.com>"));

    static List<MessageDescriptor> descriptors() throws java.io.IOException {
        List<MessageDescriptor> out = new ArrayList<>();
        for (int i = 0; i < MESSAGES.size(); i++) {
            Msg m = MESSAGES.get(i);
            byte[] b = m.bytes();
            MessageInfo info = new MessageInfo(100 + i, b.length, b.length + countLf(b), m.internalDate(), Set.of(),
                    1, false);
            out.add(MessageDescriptor.read(i + 1, info, Corpus.source(b)));
        }
        return out;
    }

    private static int countLf(byte[] b) {
        int n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }
}
