package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;
import io.tegami.api.mail.RecipientDsn.Notify;
import io.tegami.api.queue.MessageWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 3461/3464: NOTIFY, RET, ENVID and ORCPT honoured by the notices the queue sends. */
class DsnTest {

    @TempDir
    Path home;
    QueueFixture fx;
    final ScriptedAgent agent = new ScriptedAgent((m, r) -> switch (r.localPart()) {
        case "nobody", "quiet" -> DeliveryResult.bounced("5.1.1", "local", "unknown user: \"" + r.localPart() + "\"");
        case "remote" -> DeliveryResult.bounced("5.7.1", "mx.remote.test[192.0.2.9]:25", "host said no")
                .withRemote("dns; mx.remote.test", "smtp; 550 5.7.1 go away");
        case "slow", "slowquiet" -> DeliveryResult.deferred("4.4.1", "local", "connect refused");
        default -> DeliveryResult.sent("local", "delivered to maildir");
    });

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    private List<ScriptedAgent.Call> notices() {
        return agent.calls.stream().filter(c -> c.sender().isNullSender()).toList();
    }

    private static RecipientDsn dsn(String orcpt, Notify... notify) {
        return new RecipientDsn(notify.length == 0 ? EnumSet.noneOf(Notify.class) : EnumSet.of(notify[0], notify), orcpt);
    }

    private String send(Map<String, String> attributes, Map<String, RecipientDsn> rcpts, String content) throws Exception {
        Map<MailAddress, RecipientDsn> dsn = new LinkedHashMap<>();
        rcpts.forEach((a, d) -> dsn.put(MailAddress.parse(a), d));
        Envelope envelope = new Envelope(MailAddress.parse("alice@example.org"), List.copyOf(dsn.keySet()), attributes, dsn);
        try (MessageWriter w = fx.queue.create(envelope)) {
            w.content().write(content.getBytes(StandardCharsets.UTF_8));
            return w.commit();
        }
    }

    @Test
    void retHdrsEnvidAndOrcptShowInTheNonDeliveryNotice() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        Map<String, RecipientDsn> rcpts = new LinkedHashMap<>();
        rcpts.put("nobody@example.org", dsn("rfc822;orig+user@else.example"));
        rcpts.put("remote@example.org", dsn("rfc822;remote@example.org", Notify.FAILURE));
        String id = send(Map.of(Envelope.DSN_RET, "HDRS", Envelope.DSN_ENVID, "env+id-42"), rcpts,
                "Subject: hdrs\n\nSECRET BODY\n");
        await("notice", () -> notices().size() == 1);
        await("removal", () -> fx.removed(id));
        String text = notices().get(0).text();
        assertTrue(text.contains("\nReporting-MTA: dns; mail.example.org\nOriginal-Envelope-Id: env+id-42\n"
                + "X-Tegami-Queue-ID: " + id + "\n"), text);
        assertTrue(text.contains("\nFinal-Recipient: rfc822; nobody@example.org\n"
                + "Original-Recipient: rfc822;orig+user@else.example\nAction: failed\nStatus: 5.1.1\n"), text);
        assertTrue(text.contains("\nFinal-Recipient: rfc822; remote@example.org\n"
                + "Original-Recipient: rfc822;remote@example.org\nAction: failed\nStatus: 5.7.1\n"
                + "Remote-MTA: dns; mx.remote.test\n"), text);
        assertTrue(text.contains("Content-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\n\n"
                + "Return-Path: <alice@example.org>\nSubject: hdrs\n"), text);
        assertFalse(text.contains("SECRET BODY"), "RET=HDRS returns the header only");
    }

    @Test
    void notifyNeverAndSuccessOnlyRecipientsGetNoFailureNotice() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        Map<String, RecipientDsn> rcpts = new LinkedHashMap<>();
        rcpts.put("quiet@example.org", dsn(null, Notify.NEVER));
        rcpts.put("nobody@example.org", dsn(null, Notify.SUCCESS));
        String id = send(Map.of(), rcpts, "Subject: never\n\n");
        await("removal", () -> fx.removed(id));
        Thread.sleep(300);
        assertEquals(List.of(), notices(), "nobody asked to hear of failures");
        assertFalse(Files.exists(fx.spool().file(Spool.BOUNCE_LOG, id)), "the bounce log is done with");
    }

    @Test
    void aNoticeReportsOnlyTheRecipientsThatAskedForIt() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        Map<String, RecipientDsn> rcpts = new LinkedHashMap<>();
        rcpts.put("quiet@example.org", dsn(null, Notify.NEVER));
        rcpts.put("nobody@example.org", RecipientDsn.NONE);
        String id = send(Map.of(), rcpts, "Subject: mixed\n\n");
        await("notice", () -> notices().size() == 1);
        await("removal", () -> fx.removed(id));
        String text = notices().get(0).text();
        assertTrue(text.contains("Final-Recipient: rfc822; nobody@example.org"), text);
        assertFalse(text.contains("quiet@example.org"), text);
    }

    @Test
    void aMessageOverTheBounceSizeLimitIsReturnedAsItsHeader() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("bounce_size_limit", "100");
        fx.start();
        String id = send(Map.of(), Map.of("nobody@example.org", RecipientDsn.NONE), "Subject: big\n\n" + "x".repeat(200) + "\n");
        await("notice", () -> notices().size() == 1);
        await("removal", () -> fx.removed(id));
        String text = notices().get(0).text();
        assertTrue(text.contains("Content-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\n"), text);
        assertFalse(text.contains("xxxxxxxx"), text);
    }

    @Test
    void notifySuccessGetsADeliveredNoticeAndNullSendersNever() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        Map<String, RecipientDsn> rcpts = new LinkedHashMap<>();
        rcpts.put("bob@example.org", dsn("rfc822;bob@example.org", Notify.SUCCESS, Notify.FAILURE));
        rcpts.put("carol@example.org", RecipientDsn.NONE);
        String id = fx.leave(Spool.HOLD, "Subject: hello\n\nbody\n", Instant.now(), "alice@example.org", "x@example.org");
        SpoolMessage message = messageWith(id, new Envelope(MailAddress.parse("alice@example.org"),
                List.of(MailAddress.parse("bob@example.org"), MailAddress.parse("carol@example.org")),
                Map.of(Envelope.DSN_ENVID, "E1"), Map.of(MailAddress.parse("bob@example.org"), rcpts.get("bob@example.org"))));
        Bouncer bouncer = new Bouncer(fx.queue, fx.parameters, Clock.systemUTC());
        DeliveryResult sent = DeliveryResult.sent("local", "delivered to maildir");
        assertTrue(bouncer.delivered(message, MailAddress.parse("bob@example.org"), sent, Instant.now()));
        assertTrue(bouncer.delivered(message, MailAddress.parse("carol@example.org"), sent, Instant.now()));
        await("success notice", () -> notices().size() == 1);
        String text = notices().get(0).text();
        assertEquals(MailAddress.parse("alice@example.org"), notices().get(0).recipient());
        assertTrue(text.contains("\nSubject: Successful Mail Delivery Report\n"), text);
        assertTrue(text.contains("<bob@example.org>: delivery via local: delivered to maildir"), text);
        assertTrue(text.contains("\nOriginal-Envelope-Id: E1\n"), text);
        assertTrue(text.contains("\nFinal-Recipient: rfc822; bob@example.org\nOriginal-Recipient: rfc822;bob@example.org\n"
                + "Action: delivered\nStatus: 2.0.0\n"), text);
        assertTrue(text.contains("Content-Description: Message Headers\nContent-Type: text/rfc822-headers\n"), text);
        assertFalse(text.contains("carol"), "carol did not ask");

        DeliveryResult relayed = DeliveryResult.sent("mx.remote.test[192.0.2.9]:25", "250 2.0.0 Ok")
                .withRemote("dns; mx.remote.test", "smtp; 250 2.0.0 Ok");
        assertTrue(bouncer.delivered(message, MailAddress.parse("bob@example.org"), relayed, Instant.now()));
        await("relayed notice", () -> notices().size() == 2);
        assertTrue(notices().get(1).text().contains("\nAction: relayed\nStatus: 2.0.0\nRemote-MTA: dns; mx.remote.test\n"),
                notices().get(1).text());

        SpoolMessage bounce = messageWith(id, new Envelope(MailAddress.NULL_SENDER, List.of(MailAddress.parse("bob@example.org")),
                Map.of(), Map.of(MailAddress.parse("bob@example.org"), dsn(null, Notify.SUCCESS))));
        assertTrue(bouncer.delivered(bounce, MailAddress.parse("bob@example.org"), sent, Instant.now()));
        Thread.sleep(300);
        assertEquals(2, notices().size(), "no notice about a notification");
    }

    @Test
    void delayWarningsOnlyForRecipientsThatWantThem() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("delay_warning_time", "1h");
        fx.start();
        String id = fx.leave(Spool.HOLD, "Subject: slow\n\n", Instant.now(), "alice@example.org", "x@example.org");
        Map<MailAddress, RecipientDsn> dsn = new HashMap<>();
        dsn.put(MailAddress.parse("slowquiet@example.org"), dsn(null, Notify.FAILURE));
        SpoolMessage message = messageWith(id, new Envelope(MailAddress.parse("alice@example.org"),
                List.of(MailAddress.parse("slow@example.org"), MailAddress.parse("slowquiet@example.org")), Map.of(), dsn));
        Bouncer bouncer = new Bouncer(fx.queue, fx.parameters, Clock.systemUTC());
        Instant now = Instant.now();
        BounceLog.Entry quiet = new BounceLog.Entry(MailAddress.parse("slowquiet@example.org"), "4.4.1", "local", "refused", now);
        assertTrue(bouncer.delayed(message, List.of(quiet)), "nobody to warn counts as warned");
        BounceLog.Entry slow = new BounceLog.Entry(MailAddress.parse("slow@example.org"), "4.4.1", "local", "refused", now);
        assertTrue(bouncer.delayed(message, List.of(slow, quiet)));
        await("warning", () -> notices().size() == 1);
        String text = notices().get(0).text();
        assertTrue(text.contains("Final-Recipient: rfc822; slow@example.org\nAction: delayed\n"), text);
        assertFalse(text.contains("slowquiet"), text);
    }

    @Test
    void smtputf8MessagesGetGlobalReportTypes() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        String id = send(Map.of(Envelope.SMTPUTF8, "yes"), Map.of("nobody@example.org", RecipientDsn.NONE),
                "Subject: utf8\n\n");
        await("notice", () -> notices().size() == 1);
        await("removal", () -> fx.removed(id));
        String text = notices().get(0).text();
        assertTrue(text.contains("Content-Type: message/global-delivery-status\n"), text);
        assertTrue(text.contains("Content-Type: message/global\n"), text);
    }

    @Test
    void theRemoteServersOwnDiagnosticIsKeptInTheBounceLogAndReported() throws Exception {
        Path log = home.resolve("bounce-log");
        Instant t = Instant.parse("2024-06-04T10:00:00Z");
        DeliveryResult r = DeliveryResult.bounced("5.7.1", "mx.remote.test[192.0.2.9]:25", "host said no")
                .withRemote("dns; mx.remote.test", "smtp; 550 5.7.1 go\naway");
        BounceLog.append(log, BounceLog.Entry.of(MailAddress.parse("x@remote.test"), r, t));
        BounceLog.append(log, new BounceLog.Entry(MailAddress.parse("y@remote.test"), "5.1.1", "local", "-", t));
        List<BounceLog.Entry> entries = BounceLog.read(log);
        assertEquals("smtp; 550 5.7.1 go\naway", entries.get(0).diagnosticCode());
        assertEquals(null, entries.get(1).remoteMta());
        assertEquals("-", entries.get(1).detail());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new DsnComposer("mx.example.org", java.time.ZoneOffset.UTC).write(new DsnComposer.Report("B1", "A1",
                MailAddress.parse("a@example.org"), t, entries,
                () -> new java.io.ByteArrayInputStream("Subject: s\n\nb".getBytes(StandardCharsets.US_ASCII))), t, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\nRemote-MTA: dns; mx.remote.test\nDiagnostic-Code: smtp; 550 5.7.1 go away\n"), text);
        assertTrue(text.contains("Content-Type: message/rfc822\n\nReturn-Path: <a@example.org>\nSubject: s\n\nb\n\n--"), text);
    }

    /** A message as the delivery pass would have it, with another envelope than the one on disk. */
    private SpoolMessage messageWith(String id, Envelope envelope) throws Exception {
        Path file = fx.spool().file(Spool.HOLD, id);
        SpoolHeader h = SpoolFormat.read(file);
        SpoolHeader other = new SpoolHeader(id, h.arrival(), envelope, h.recipients(), h.contentOffset());
        return new SpoolMessage(file, other, Files.size(file));
    }

    @Test
    void dsnParametersSurviveTheQueueFileAndVersionOneFilesStillRead() throws Exception {
        fx = new QueueFixture(home);
        Spool spool = fx.spool();
        spool.create();
        Map<MailAddress, RecipientDsn> dsn = new LinkedHashMap<>();
        dsn.put(MailAddress.parse("b@example.org"), dsn("utf-8;b\u00e9 x@example.org", Notify.SUCCESS, Notify.DELAY));
        dsn.put(MailAddress.parse("c@example.org"), dsn(null, Notify.NEVER));
        dsn.put(MailAddress.parse("d@example.org"), dsn("rfc822;-"));
        Envelope envelope = new Envelope(MailAddress.parse("a@example.org"), List.of(MailAddress.parse("b@example.org"),
                MailAddress.parse("c@example.org"), MailAddress.parse("d@example.org"), MailAddress.parse("e@example.org")),
                Map.of(Envelope.DSN_RET, "FULL", Envelope.DSN_ENVID, "x y", Envelope.SMTPUTF8, "yes"), dsn);
        String id;
        try (SpoolWriter w = SpoolWriter.create(spool, new QueueIds(Clock.systemUTC()), envelope, Instant.now(), x -> { })) {
            OutputStream out = w.content();
            out.write("Subject: s\n\n".getBytes(StandardCharsets.US_ASCII));
            id = w.commit();
        }
        Path file = spool.file(Spool.ACTIVE, id);
        SpoolHeader h = SpoolFormat.read(file);
        assertEquals(envelope, h.envelope());
        assertTrue(h.envelope().smtputf8());
        assertEquals("FULL", h.envelope().dsnRet());
        SpoolFormat.markDone(file, h.recipients().get(0));
        assertEquals(envelope, SpoolFormat.read(file).envelope(), "marking done leaves the DSN records alone");

        Path old = home.resolve("v1");
        Files.writeString(old, "tegami-queue-file 1\nI 00000000000F\nT 1000\nS a example.org\nR b example.org\nE\nSubject: x\n\n");
        assertEquals(RecipientDsn.NONE, SpoolFormat.read(old).envelope().dsn(MailAddress.parse("b@example.org")));
        Duration.ZERO.isZero();
    }
}
