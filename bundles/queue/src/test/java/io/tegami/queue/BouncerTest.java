package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;
import io.tegami.api.mail.RecipientDsn.Notify;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3461 section 4.1 for success notices: a relay to a peer without DSN tells the sender
 * "relayed"; a relay that passed NOTIFY on to a DSN-capable peer leaves the notice to that peer.
 */
class BouncerTest {

    private static final MailAddress BOB = MailAddress.parse("bob@remote.example");

    @TempDir
    Path home;
    QueueFixture fx;
    CapturingQueue notices;
    Bouncer bouncer;
    SpoolMessage message;

    @BeforeEach
    void setUp() throws Exception {
        fx = new QueueFixture(home);
        Spool spool = fx.spool();
        spool.create();
        Envelope envelope = new Envelope(MailAddress.parse("alice@example.org"), List.of(BOB), Map.of(),
                Map.of(BOB, new RecipientDsn(EnumSet.of(Notify.SUCCESS, Notify.FAILURE), "rfc822;bob@remote.example")));
        String id;
        try (SpoolWriter w = SpoolWriter.create(spool, new QueueIds(Clock.systemUTC()), envelope, Instant.now(), x -> { })) {
            w.content().write("Subject: s\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
            id = w.commit();
        }
        Path file = spool.file(Spool.ACTIVE, id);
        message = new SpoolMessage(file, SpoolFormat.read(file), Files.size(file));
        notices = new CapturingQueue();
        bouncer = new Bouncer(notices, new FakeParameters(home).set("myhostname", "mail.example.org"), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private static DeliveryResult relayed() {
        return new DeliveryResult(DeliveryResult.Status.SENT, "2.0.0", "mx.remote.example[192.0.2.9]:25",
                "250 2.0.0 Ok: queued as X1").withRemote("dns; mx.remote.example", "smtp; 250 2.0.0 Ok: queued as X1");
    }

    @Test
    void aPeerWithoutDsnMeansARelayedNotice() {
        assertTrue(bouncer.delivered(message, BOB, relayed(), Instant.now()));
        assertTrue(notices.committed);
        assertEquals(List.of(MailAddress.parse("alice@example.org")), notices.envelope.recipients());
        assertTrue(notices.text().contains("\nAction: relayed\nStatus: 2.0.0\n"), notices.text());
    }

    @Test
    void aPeerThatTookTheDsnRequestOverSendsTheNoticeItself() {
        DeliveryResult passedOn = relayed().withDsnPassedOn();
        assertTrue(passedOn.dsnPassedOn());
        assertEquals("dns; mx.remote.example", passedOn.remoteMta(), "the remote facts stay");
        assertTrue(bouncer.delivered(message, BOB, passedOn, Instant.now()));
        assertFalse(notices.committed);
        assertNull(notices.envelope, "no notice queued at all");
    }

    @Test
    void theFlagSurvivesWithRemoteAndOlderConstructorsLeaveItOff() {
        assertTrue(DeliveryResult.sent("x", "y").withDsnPassedOn().withRemote("dns; a", null).dsnPassedOn());
        assertFalse(relayed().dsnPassedOn());
        assertFalse(new DeliveryResult(DeliveryResult.Status.SENT, "2.0.0", "r", "d", "dns; a", "smtp; 250").dsnPassedOn());
    }
}
