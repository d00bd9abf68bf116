package io.tegami.itests;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.inject.Inject;

import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueueEntry;
import io.tegami.dns.testing.DnsStub;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Delivery by MX: the dns bundle asks a loopback DNS server ({@code dns_servers}), the MX hosts
 * resolve to loopback addresses where smtp-sink listens on {@code smtp_tcp_port}. A 5xx from the
 * peer bounces to the local sender's Maildir; a peer that is down defers, and the retry after
 * the (short) back-off delivers once it is up.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MxDeliveryIT {

    private static DnsStub dns;

    @Inject
    private MailQueue queue;

    @Inject
    @Filter("(transport=smtp)")
    private DeliveryAgent smtp;

    private int port;

    @Configuration
    public Option[] configuration() {
        int dnsPort;
        int sinkPort;
        try {
            dnsPort = TestHome.freePort();
            sinkPort = TestHome.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestHome home = TestHome.create("mx", "dns_servers = 127.0.0.1:" + dnsPort, "dns_timeout = 2s",
                "smtp_tcp_port = " + sinkPort, "inet_protocols = ipv4", "minimal_backoff_time = 2s",
                "maximal_backoff_time = 4s", "queue_run_delay = 1s", "smtp_connect_timeout = 5s");
        home.addUser("alice", "secret");
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.dns").value(String.valueOf(dnsPort)),
                systemProperty("tegami.test.sink").value(String.valueOf(sinkPort)));
    }

    @Before
    public void startDns() throws Exception {
        port = Integer.getInteger("tegami.test.sink");
        synchronized (MxDeliveryIT.class) {
            if (dns == null) {
                dns = DnsStub.start(Integer.getInteger("tegami.test.dns"));
                dns.mx("ok.example", 10, "mx.ok.example").a("mx.ok.example", "127.0.0.1");
                dns.mx("reject.example", 10, "mx.reject.example").a("mx.reject.example", "127.0.0.2");
                dns.mx("later.example", 10, "mx.later.example").a("mx.later.example", "127.0.0.3");
            }
        }
    }

    @Test
    public void mailGoesToTheMxHostOfTheRecipientDomain() throws Exception {
        try (SmtpSink sink = SmtpSink.start("127.0.0.1", port)) {
            String marker = "mx-" + System.nanoTime();
            String id = OutboundMail.queue(queue, "alice@localhost", marker, "bob@ok.example");
            String dump = sink.await(marker, 30_000);
            assertTrue(dump, dump.contains("X-Rcpt-Args: <bob@ok.example>"));
            OutboundMail.awaitGone(queue, id, 10_000);
        }
    }

    @Test
    public void aPermanentRefusalBouncesToTheSender() throws Exception {
        try (SmtpSink sink = SmtpSink.start("127.0.0.2", port, "-f", "RCPT")) {
            String marker = "bounce-" + System.nanoTime();
            String id = OutboundMail.queue(queue, "alice@localhost", marker, "bob@reject.example");
            OutboundMail.awaitGone(queue, id, 30_000);
            String bounce = awaitInMaildir(marker, 30_000);
            assertTrue(bounce, bounce.contains("bob@reject.example"));
            assertTrue(bounce, bounce.contains("host mx.reject.example[127.0.0.2] said: 5"));
            assertTrue(bounce, bounce.contains("(in reply to RCPT TO command)"));
        }
    }

    @Test
    public void aPeerThatIsDownDefersAndTheRetryDelivers() throws Exception {
        String marker = "later-" + System.nanoTime();
        String id = OutboundMail.queue(queue, "alice@localhost", marker, "bob@later.example");
        String reason = awaitDeferred(id, 30_000);
        assertTrue(reason, reason.contains("connect to mx.later.example[127.0.0.3]:" + port));
        try (SmtpSink sink = SmtpSink.start("127.0.0.3", port)) {
            String dump = sink.await(marker, 40_000);
            assertTrue(dump, dump.contains("X-Rcpt-Args: <bob@later.example>"));
            OutboundMail.awaitGone(queue, id, 10_000);
        }
    }

    private String awaitDeferred(String id, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            QueueEntry e = queue.find(id).orElse(null);
            if (e != null && e.queueName().equals(QueueEntry.DEFERRED) && e.lastReason() != null) {
                return e.lastReason();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not deferred: " + queue.find(id));
    }

    private String awaitInMaildir(String marker, long millis) throws Exception {
        Path maildir = Path.of(System.getProperty("tegami.home"), "data", "home", "alice", "Maildir", "new");
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            for (String m : Maildirs.read(maildir)) {
                if (m.contains(marker)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no bounce with " + marker + " in " + maildir);
    }
}
