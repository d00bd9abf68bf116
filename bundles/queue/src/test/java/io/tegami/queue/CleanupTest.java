package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;
import io.tegami.api.queue.MessageWriter;
import io.tegami.api.queue.QueueException;
import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.rewrite.InternalForm;
import io.tegami.api.rewrite.RewriteContext;
import io.tegami.api.rewrite.RewriteException;
import io.tegami.api.service.RankedServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleanup as a receiver sees it: envelope and header rewriting, dropped and added headers. */
class CleanupTest {

    /** 2020-11-27 19:10:00 UTC, seen from Berlin (+0100). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-11-27T19:10:00Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path home;

    private MapMailParameters parameters;
    private final RankedServices<AddressRewriter> chain = new RankedServices<>();
    private final CapturingQueue queue = new CapturingQueue();

    @BeforeEach
    void setUp() {
        parameters = MapMailParameters.of(home, "myhostname", "mail.example.com", "myorigin", "$myhostname",
                "inet_interfaces", "loopback-only", "mynetworks", "192.0.2.0/24 [2001:db8::]/32");
    }

    /** Completes bare names with @mail.example.com and renames joe to joseph, noting what it saw. */
    private final Map<String, AddressClass> seen = new HashMap<>();
    private final AddressRewriter qualifying = (address, addressClass, message) -> {
        seen.put(address, addressClass);
        String a = InternalForm.isComplete(address) ? address
                : address + "@" + (message.context() == RewriteContext.REMOTE ? "remote.invalid" : "mail.example.com");
        return a.equals("joe@mail.example.com") ? "joseph@example.org" : a;
    };

    private static Envelope envelope(String sender, Map<String, String> attributes, String... rcpts) {
        return new Envelope(MailAddress.parse(sender), List.of(rcpts).stream().map(MailAddress::parse).toList(), attributes);
    }

    private String send(Envelope envelope, String content) throws QueueException, IOException {
        try (MessageWriter w = new Cleanup(chain, CLOCK).create(queue, envelope, parameters)) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += 5) {
                w.content().write(bytes, i, Math.min(5, bytes.length - i)); // awkward boundaries
            }
            w.commit();
        }
        return queue.text();
    }

    private static final Map<String, String> LOOPBACK = Map.of(Envelope.CLIENT_ADDRESS, "127.0.0.1", Envelope.PROTOCOL, "ESMTP");
    private static final Map<String, String> REMOTE = Map.of(Envelope.CLIENT_ADDRESS, "203.0.113.9", Envelope.PROTOCOL, "ESMTP");

    @Test
    void missingHeadersAreAddedForLocalClients() throws Exception {
        String out = send(envelope("joe@mail.example.com", LOOPBACK, "ann@example.net"), "Received: by us\nSubject: hi\n\nbody\n");
        assertEquals("Received: by us\nSubject: hi\n"
                + "Message-Id: <20201127191000.4F3A2B1C0D9@mail.example.com>\n"
                + "Date: Fri, 27 Nov 2020 20:10:00 +0100 (CET)\n"
                + "From: joe@mail.example.com\n\nbody\n", out);
        assertTrue(queue.committed);
    }

    @Test
    void presentHeadersAreNotAddedAgainAndNullSenderIsMailerDaemon() throws Exception {
        String out = send(envelope("", LOOPBACK, "ann@example.net"), "Message-ID: <x@y>\ndate: Thu, 1 Jan 2020 00:00:00 +0000\n\nb\n");
        assertEquals("Message-ID: <x@y>\ndate: Thu, 1 Jan 2020 00:00:00 +0000\nFrom: MAILER-DAEMON\n\nb\n", out);
    }

    @Test
    void remoteClientsGetNothingAddedUnlessAlwaysAddMissingHeaders() throws Exception {
        assertEquals("Subject: hi\n\nbody\n", send(envelope("a@b.example", REMOTE, "ann@example.net"), "Subject: hi\n\nbody\n"));
        parameters.set("always_add_missing_headers", "yes");
        assertTrue(send(envelope("a@b.example", REMOTE, "ann@example.net"), "Subject: hi\n\nbody\n")
                .contains("\nFrom: a@b.example\n\nbody\n"));
    }

    @Test
    void localHeaderRewriteClientsDecides() throws Exception {
        Map<String, String> authenticated = new HashMap<>(REMOTE);
        authenticated.put(Envelope.SASL_USERNAME, "joe");
        assertFalse(send(envelope("a@b.example", authenticated, "x@example.net"), "S: x\n\n").contains("Message-Id"),
                "Postfix's default list is permit_inet_interfaces only");
        parameters.set("local_header_rewrite_clients", "permit_inet_interfaces, permit_sasl_authenticated");
        assertTrue(send(envelope("a@b.example", authenticated, "x@example.net"), "S: x\n\n").contains("Message-Id"));
        parameters.set("local_header_rewrite_clients", "permit_mynetworks");
        assertTrue(send(envelope("a@b.example", Map.of(Envelope.CLIENT_ADDRESS, "192.0.2.55"), "x@example.net"), "S: x\n\n")
                .contains("Message-Id"));
        assertFalse(send(envelope("a@b.example", LOOPBACK, "x@example.net"), "S: x\n\n").contains("Message-Id"),
                "loopback is not in this list any more");
        parameters.set("local_header_rewrite_clients", "static:all");
        assertTrue(send(envelope("a@b.example", REMOTE, "x@example.net"), "S: x\n\n").contains("Message-Id"));
        parameters.set("local_header_rewrite_clients", "check_address_map inline:{ 203.0.113.9=OK }");
        assertTrue(send(envelope("a@b.example", REMOTE, "x@example.net"), "S: x\n\n").contains("Message-Id"));
        assertFalse(send(envelope("a@b.example", Map.of(Envelope.CLIENT_ADDRESS, "203.0.113.10"), "x@example.net"), "S: x\n\n")
                .contains("Message-Id"));
        parameters.set("local_header_rewrite_clients", "permit_inet_interfaces");
        assertTrue(send(envelope("a@b.example", Map.of(), "x@example.net"), "S: x\n\n").contains("Message-Id"),
                "no client address: a local submission");
        assertTrue(send(envelope("a@b.example", Map.of(Envelope.CLIENT_ADDRESS, "203.0.113.9",
                RewriteContext.ATTRIBUTE, "local"), "x@example.net"), "S: x\n\n").contains("Message-Id"),
                "a receiver's rewrite_context wins");
    }

    @Test
    void headerAndEnvelopeAddressesGoThroughTheRewriters() throws Exception {
        chain.add(qualifying, Map.of("service.ranking", 0, "service.id", 7L));
        String out = send(envelope("joe@mail.example.com", LOOPBACK, "joe@mail.example.com", "ann@example.net"),
                "From: Joe <joe>\nTo: ann@example.net, \"Joe\" <joe@mail.example.com>\nCc: root (the boss)\n"
                        + "Subject: joe@mail.example.com stays\nMessage-Id: <1@x>\nDate: now\n\nTo: joe\n");
        assertEquals("From: Joe <joseph@example.org>\nTo: ann@example.net, \"Joe\" <joseph@example.org>\n"
                + "Cc: root@mail.example.com (the boss)\nSubject: joe@mail.example.com stays\nMessage-Id: <1@x>\nDate: now\n\nTo: joe\n",
                out, "headers rewritten, body untouched");
        assertEquals(MailAddress.parse("joseph@example.org"), queue.envelope.sender());
        assertEquals(List.of(MailAddress.parse("joseph@example.org"), MailAddress.parse("ann@example.net")), queue.envelope.recipients());
        assertEquals(AddressClass.HEADER_RECIPIENT, seen.get("root"));
        assertEquals(AddressClass.HEADER_SENDER, seen.get("joe"));
    }

    @Test
    void remoteHeadersAreLeftAloneUnlessRemoteHeaderRewriteDomainIsSet() throws Exception {
        chain.add(qualifying, Map.of());
        String content = "From: joe\nTo: ann\n\n";
        assertEquals("From: joe\nTo: ann\n\n", send(envelope("x@remote.example", REMOTE, "ann@example.net"), content));
        assertEquals("x@remote.example", queue.envelope.sender().toString(), "envelope addresses are always rewritten");
        parameters.set("remote_header_rewrite_domain", "remote.invalid");
        String out = send(envelope("x@remote.example", REMOTE, "ann@example.net"), content);
        assertTrue(out.startsWith("From: joe@remote.invalid\nTo: ann@remote.invalid\nMessage-Id: "), out);
    }

    @Test
    void messageDropHeadersAreRemoved() throws Exception {
        String out = send(envelope("a@b.example", REMOTE, "x@example.net"),
                "Return-Path: <evil@example>\nBcc: secret@example.net\nContent-Length: 5\nResent-Bcc: s@example.net\nX-Keep: 1\n\nBcc: body\n");
        assertEquals("X-Keep: 1\n\nBcc: body\n", out);
        parameters.set("message_drop_headers", "x-keep");
        assertEquals("Bcc: y@z\n\n", send(envelope("a@b.example", REMOTE, "x@example.net"), "Bcc: y@z\nX-Keep: 1\n\n"));
    }

    @Test
    void resentHeadersGetResentAdditions() throws Exception {
        String out = send(envelope("joe@mail.example.com", LOOPBACK, "x@example.net"),
                "From: a@b.c\nDate: x\nMessage-Id: <m@x>\nResent-To: x@example.net\n\nb\n");
        assertEquals("From: a@b.c\nDate: x\nMessage-Id: <m@x>\nResent-To: x@example.net\n"
                + "Resent-Message-Id: <20201127191000.4F3A2B1C0D9@mail.example.com>\n"
                + "Resent-Date: Fri, 27 Nov 2020 20:10:00 +0100 (CET)\nResent-From: joe@mail.example.com\n\nb\n", out);
    }

    @Test
    void undisclosedRecipientsHeaderWhenConfigured() throws Exception {
        parameters.set("undisclosed_recipients_header", "To: undisclosed-recipients:;");
        String out = send(envelope("a@mail.example.com", LOOPBACK, "x@example.net"), "Subject: s\nBcc: x@example.net\n\nb\n");
        assertTrue(out.contains("\nTo: undisclosed-recipients:;\n\nb\n"), out);
        assertFalse(send(envelope("a@mail.example.com", LOOPBACK, "x@example.net"), "Cc: x@example.net\n\nb\n").contains("undisclosed"));
    }

    @Test
    void recipientsKeepTheirDsnParametersWhenRewritten() throws Exception {
        chain.add(qualifying, Map.of());
        RecipientDsn dsn = new RecipientDsn(java.util.Set.of(RecipientDsn.Notify.SUCCESS), "rfc822;joe@mail.example.com");
        Envelope e = new Envelope(MailAddress.parse("x@example.net"),
                List.of(MailAddress.parse("joe@mail.example.com"), MailAddress.parse("ann@example.net")), LOOPBACK,
                Map.of(MailAddress.parse("joe@mail.example.com"), dsn));
        send(e, "S: x\n\n");
        assertEquals(dsn, queue.envelope.dsn(MailAddress.parse("joseph@example.org")));
        assertEquals(RecipientDsn.NONE, queue.envelope.dsn(MailAddress.parse("ann@example.net")));
    }

    @Test
    void mailerDaemonAtMyoriginBecomesTheNullSender() throws Exception {
        send(envelope("MAILER-DAEMON@mail.example.com", LOOPBACK, "x@example.net"), "S: x\n\n");
        assertTrue(queue.envelope.sender().isNullSender());
    }

    @Test
    void rewritersChainInRankingOrder() throws Exception {
        AddressRewriter appendA = (a, c, m) -> InternalForm.localPart(a) + "a@" + InternalForm.domain(a);
        AddressRewriter appendB = (a, c, m) -> InternalForm.localPart(a) + "b@" + InternalForm.domain(a);
        chain.add(appendA, Map.of("service.ranking", -5, "service.id", 1L));
        chain.add(appendB, Map.of("service.ranking", 10, "service.id", 2L));
        send(envelope("x@example.net", LOOPBACK, "y@example.net"), "S: x\n\n");
        assertEquals("xba@example.net", queue.envelope.sender().toString());
        chain.remove(appendB);
        send(envelope("x@example.net", LOOPBACK, "y@example.net"), "S: x\n\n");
        assertEquals("xa@example.net", queue.envelope.sender().toString());
    }

    @Test
    void brokenRewritersAreSkippedButLookupFailuresRefuseTheMessage() throws Exception {
        chain.add((a, c, m) -> null, Map.of("service.id", 1L));
        chain.add((a, c, m) -> { throw new IllegalStateException("bug"); }, Map.of("service.id", 2L));
        chain.add((a, c, m) -> "local-only", Map.of("service.id", 3L));
        send(envelope("x@example.net", LOOPBACK, "y@example.net"), "S: x\n\n");
        assertEquals("x@example.net", queue.envelope.sender().toString(), "an incomplete envelope result is not taken");

        RankedServices<AddressRewriter> failing = new RankedServices<>();
        failing.add((a, c, m) -> { throw new RewriteException("canonical_maps down"); }, Map.of());
        assertThrows(QueueException.class, () -> new Cleanup(failing, CLOCK).create(queue,
                envelope("x@example.net", LOOPBACK, "y@example.net"), parameters));
    }

    @Test
    void aHeaderLookupFailureFailsTheWriteAndTheCommit() throws Exception {
        RankedServices<AddressRewriter> failing = new RankedServices<>();
        failing.add((a, c, m) -> {
            if (!c.isEnvelope()) {
                throw new RewriteException("down");
            }
            return a;
        }, Map.of());
        MessageWriter w = new Cleanup(failing, CLOCK).create(queue, envelope("x@example.net", LOOPBACK, "y@example.net"), parameters);
        w.content().write("From: a@b.c\n".getBytes(StandardCharsets.US_ASCII));
        assertThrows(QueueException.class, w::commit, "the field is only complete at commit");
        assertTrue(queue.closed);
        assertFalse(queue.committed);
    }
}
