package io.tegami.queue;

import static io.tegami.queue.QueueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** delay_warning_time: one "Delayed Mail (still being retried)" notice per message, off by default. */
class DelayWarningTest {

    @TempDir
    Path home;
    QueueFixture fx;
    final ScriptedAgent agent = new ScriptedAgent((m, r) -> r.localPart().equals("slow")
            ? DeliveryResult.deferred("4.4.1", "local", "connect refused")
            : DeliveryResult.sent("local", "ok"));

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    private List<ScriptedAgent.Call> notices() {
        return agent.calls.stream().filter(c -> c.sender().isNullSender()).toList();
    }

    @Test
    void aMessageDeferredLongerThanTheWarningTimeWarnsItsSenderOnce() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("delay_warning_time", "4h").set("maximal_queue_lifetime", "5d");
        String id = fx.leave(Spool.ACTIVE, "Subject: slow one\nMessage-ID: <s@example.org>\n\nbody\n",
                Instant.now().minus(Duration.ofHours(5)), "alice@example.org", "slow@example.org", "quick@example.org");
        fx.start();
        await("warning", () -> notices().size() == 1);
        ScriptedAgent.Call notice = notices().get(0);
        assertEquals(MailAddress.parse("alice@example.org"), notice.recipient());
        String text = notice.text();
        assertTrue(text.contains("\nSubject: Delayed Mail (still being retried)\n"), text);
        assertTrue(text.contains("# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #"), text);
        assertTrue(text.contains("Your message could not be delivered for more than 4 hour(s).\n"
                + "It will be retried until it is 5 day(s) old.\n"), text);
        assertTrue(text.contains("<slow@example.org>: connect refused"), text);
        assertTrue(text.contains("\nFinal-Recipient: rfc822; slow@example.org\nAction: delayed\nStatus: 4.4.1\n"), text);
        assertTrue(text.contains("\nWill-Retry-Until: "), text);
        assertFalse(text.contains("quick@example.org"), "only delayed recipients are reported");
        assertTrue(text.contains("Subject: slow one\nMessage-ID: <s@example.org>\n"), text);

        // Further passes do not warn again.
        await("deferred", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        fx.queue.flush();
        await("second pass", () -> agent.callsFor(id, MailAddress.parse("slow@example.org")) >= 3);
        Thread.sleep(200);
        assertEquals(1, notices().size());
        assertTrue(DeferState.read(fx.spool().file(Spool.DEFER_LOG, id)).orElseThrow().warned());
    }

    @Test
    void noWarningWhileYoungerThanTheWarningTimeOrWhenItIsOff() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("delay_warning_time", "4h");
        String young = fx.leave(Spool.ACTIVE, "Subject: young\n\n", Instant.now().minus(Duration.ofHours(1)),
                "alice@example.org", "slow@example.org");
        fx.start();
        await("deferred", () -> fx.spool().locate(young).filter(Spool.DEFERRED::equals).isPresent());
        fx.stop();
        fx.parameters.set("delay_warning_time", "0h"); // Postfix's default: off
        String old = fx.leave(Spool.ACTIVE, "Subject: old\n\n", Instant.now().minus(Duration.ofHours(10)),
                "alice@example.org", "slow@example.org");
        fx.start();
        await("deferred", () -> fx.spool().locate(old).filter(Spool.DEFERRED::equals).isPresent());
        Thread.sleep(200);
        assertEquals(List.of(), notices());
    }

    @Test
    void notificationsAreNeverWarnedAbout() throws Exception {
        fx = new QueueFixture(home).agent("local", agent);
        fx.parameters.set("delay_warning_time", "1h").set("minimal_backoff_time", "1h").set("maximal_backoff_time", "1h");
        String id = fx.leave(Spool.ACTIVE, "Subject: a bounce\n\n", Instant.now().minus(Duration.ofHours(2)),
                "", "slow@example.org");
        fx.start();
        await("deferred", () -> fx.spool().locate(id).filter(Spool.DEFERRED::equals).isPresent());
        Thread.sleep(200);
        assertEquals(List.of(id), agent.calls.stream().map(ScriptedAgent.Call::queueId).toList(), "no notice about it");
    }
}
