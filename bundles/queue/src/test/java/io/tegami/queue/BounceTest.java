package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MessageWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permanent failures and expiry end in a DSN to the sender, queued through the same queue. */
class BounceTest {

    @TempDir
    Path home;
    QueueFixture fx;
    final ScriptedAgent agent = new ScriptedAgent((m, r) -> switch (r.localPart()) {
        case "nobody" -> DeliveryResult.bounced("5.1.1", "local", "unknown user: \"nobody\"");
        case "later" -> DeliveryResult.deferred("4.4.1", "local", "connect refused");
        default -> DeliveryResult.sent("local", "delivered to test");
    });

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    private ScriptedAgent.Call dsnFor(String sender) {
        await("notification", () -> agent.calls.stream().anyMatch(c -> c.sender().isNullSender()
                && c.recipient().equals(MailAddress.parse(sender))));
        return agent.calls.stream().filter(c -> c.sender().isNullSender()).findFirst().orElseThrow();
    }

    @Test
    void aBouncedRecipientGetsItsSenderADsnWithTheWholeMessage() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        String id = fx.send("alice@example.org",
                "From: Alice <alice@example.org>\nSubject: Lunch?\nMessage-ID: <m1@example.org>\n\nSECRET BODY\n",
                "nobody@example.org", "bob@example.org");
        String dsn = dsnFor("alice@example.org").text();
        await("removal", () -> fx.removed(id));

        assertTrue(dsn.startsWith("From: MAILER-DAEMON@mail.example.org (Mail Delivery System)\n"), dsn);
        assertTrue(dsn.contains("\nSubject: Undelivered Mail Returned to Sender\n"));
        assertTrue(dsn.contains("\nTo: alice@example.org\n"));
        assertTrue(dsn.contains("\nAuto-Submitted: auto-replied\n"));
        assertTrue(dsn.contains("\nContent-Type: multipart/report; report-type=delivery-status;\n\tboundary=\""));
        String boundary = dsn.replaceAll("(?s).*boundary=\"([^\"]+)\".*", "$1");
        String[] parts = dsn.split("\n--" + java.util.regex.Pattern.quote(boundary));
        assertEquals(5, parts.length, "preamble, three parts, closing: " + dsn);
        assertTrue(parts[4].startsWith("--\n"));

        assertTrue(parts[1].contains("Content-Type: text/plain"));
        assertTrue(parts[1].contains("This is the mail system at host mail.example.org."));
        assertTrue(parts[1].contains("<nobody@example.org>: unknown user: \"nobody\""));
        assertFalse(parts[1].contains("bob@example.org"), "delivered recipients are not reported");

        assertTrue(parts[2].contains("Content-Type: message/delivery-status\n\n"));
        assertTrue(parts[2].contains("\nReporting-MTA: dns; mail.example.org\n"));
        assertTrue(parts[2].contains("\nArrival-Date: "));
        assertTrue(parts[2].contains("\n\nFinal-Recipient: rfc822; nobody@example.org\nAction: failed\nStatus: 5.1.1\n"));
        assertTrue(parts[2].contains("\nDiagnostic-Code: X-Tegami; unknown user: \"nobody\"\n"));

        // Postfix returns the whole message unless the sender asked for RET=HDRS.
        assertTrue(parts[3].contains("Content-Description: Undelivered Message\nContent-Type: message/rfc822\n\n"
                + "Return-Path: <alice@example.org>\nFrom: Alice <alice@example.org>\nSubject: Lunch?\n"
                + "Message-ID: <m1@example.org>\n\nSECRET BODY\n"), parts[3]);
        assertEquals(1, agent.calls.stream().filter(c -> c.sender().isNullSender()).count());
    }

    @Test
    void theDsnOfAHugeMessageStaysSmall() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        String id;
        try (MessageWriter w = fx.queue.create(QueueFixture.envelope("alice@example.org", "nobody@example.org"))) {
            OutputStream out = w.content();
            out.write("Subject: big\n\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = ("y".repeat(999) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20_000; i++) {
                out.write(line); // 20 MB
            }
            id = w.commit();
        }
        String dsn = dsnFor("alice@example.org").text();
        assertTrue(dsn.length() < 5_000, "DSN of " + dsn.length() + " bytes");
        assertTrue(dsn.contains("Subject: big\n"));
        await("removal", () -> fx.removed(id));
    }

    @Test
    void aBounceThatBouncesGoesToThePostmasterFromTheDoubleBounceSender() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("myorigin", "example.org");
        fx.start();
        String id = fx.send("", "Subject: a notification\nX-Marker: yes\n\nbody\n", "nobody@example.org");
        await("postmaster copy", () -> agent.calls.size() == 2);
        await("removal", () -> fx.removed(id));
        ScriptedAgent.Call copy = agent.calls.get(1);
        assertEquals(MailAddress.parse("postmaster@example.org"), copy.recipient());
        assertEquals(MailAddress.parse("double-bounce@example.org"), copy.sender());
        String text = copy.text();
        assertTrue(text.contains("\nSubject: Postmaster Copy: Undelivered Mail\n"), text);
        assertTrue(text.contains("\nTo: postmaster@example.org\n"), text);
        assertTrue(text.contains("<nobody@example.org>: unknown user: \"nobody\""), text);
        assertFalse(text.contains("I'm sorry to have to inform you"), "no boiler-plate for the postmaster");
        assertTrue(text.contains("\nX-Tegami-Sender: rfc822; \n"), text);
        assertTrue(text.contains("Content-Type: message/rfc822\n\nReturn-Path: <>\nSubject: a notification\nX-Marker: yes\n\nbody\n"), text);
        assertTrue(text.contains("\nAuto-Submitted: auto-generated\n"), text);
        assertFalse(Files.exists(fx.spool().file(Spool.BOUNCE_LOG, id)));
    }

    @Test
    void aPostmasterCopyThatBouncesIsDiscarded() throws Exception {
        agent.script((m, r) -> DeliveryResult.bounced("5.1.1", "local", "unknown user: \"" + r.localPart() + "\""));
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("2bounce_notice_recipient", "root@example.org").set("double_bounce_sender", "mailer-loop");
        fx.start();
        String id = fx.send("", "Subject: a notification\n\n", "nobody@example.org");
        await("postmaster copy tried", () -> agent.calls.size() == 2);
        await("removal", () -> fx.removed(id));
        Thread.sleep(400);
        assertEquals(2, agent.calls.size(), "no triple bounce: " + agent.calls);
        assertEquals(MailAddress.parse("root@example.org"), agent.calls.get(1).recipient());
        assertEquals(MailAddress.parse("mailer-loop@mail.example.org"), agent.calls.get(1).sender());
        await("queue empty", () -> {
            try {
                return fx.queue.list().isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void mailOlderThanTheQueueLifetimeIsReturnedAsExpired() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("maximal_queue_lifetime", "5d");
        String id = fx.leave(Spool.DEFERRED, "Subject: old\n\n", Instant.now().minus(Duration.ofDays(6)),
                "alice@example.org", "later@example.org", "bob@example.org");
        fx.start();
        String dsn = dsnFor("alice@example.org").text();
        await("removal", () -> fx.removed(id));
        assertTrue(dsn.contains("\nFinal-Recipient: rfc822; later@example.org\nAction: failed\nStatus: 5.4.7\n"), dsn);
        assertTrue(dsn.contains("delivery attempts exceeded, message is too old (last error: connect refused)"), dsn);
        assertFalse(dsn.contains("rfc822; bob@example.org"), "bob was delivered on the last attempt");
        assertEquals(1, agent.callsFor(id, MailAddress.parse("bob@example.org")));
    }

    @Test
    void youngMailIsDeferredNotExpired() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.start();
        String id = fx.send("alice@example.org", "Subject: young\n\n", "later@example.org");
        await("deferral", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        assertTrue(agent.calls.stream().noneMatch(c -> c.sender().isNullSender()));
    }

    @Test
    void bounceMailUsesTheShorterBounceQueueLifetime() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("bounce_queue_lifetime", "0");
        fx.start();
        String id = fx.send("", "Subject: a notification\n\n", "later@example.org");
        await("expired, and the postmaster told", () -> fx.removed(id) && agent.calls.size() == 2);
        assertEquals(MailAddress.parse("postmaster@mail.example.org"), agent.calls.get(1).recipient());
        assertTrue(agent.calls.get(1).text().contains("Status: 5.4.7"), agent.calls.get(1).text());
    }

    @Test
    void failuresRecordedBeforeACrashAreStillReported() throws Exception {
        fx = new QueueFixture(home);
        String id = fx.leave(Spool.ACTIVE, "Subject: crash\n\n", Instant.now(), "alice@example.org", "nobody@example.org");
        Path file = fx.spool().file(Spool.ACTIVE, id);
        // The pass recorded the failure and marked the recipient done, then the process died.
        BounceLog.append(fx.spool().file(Spool.BOUNCE_LOG, id), new BounceLog.Entry(MailAddress.parse("nobody@example.org"),
                "5.1.1", "local", "unknown user: \"nobody\"", Instant.now()));
        SpoolFormat.markDone(file, SpoolFormat.read(file).recipients().get(0));
        fx.agent("local", agent).start();
        String dsn = dsnFor("alice@example.org").text();
        await("removal", () -> fx.removed(id));
        assertTrue(dsn.contains("Final-Recipient: rfc822; nobody@example.org"));
        assertEquals(List.of(MailAddress.parse("alice@example.org")),
                agent.calls.stream().map(ScriptedAgent.Call::recipient).toList(), "nobody is not tried again");
    }
}
