package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.inject.Inject;

import io.tegami.api.delivery.DeliveryAgent;
import io.tegami.api.queue.MailQueue;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Mail for other domains through {@code relayhost = [127.0.0.1]:PORT} to Postfix's smtp-sink:
 * one transaction for the recipients of one domain, the content dot-stuffed on the wire and
 * intact at the other end.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RelayIT {

    @Inject
    private MailQueue queue;

    @Inject
    @Filter("(transport=smtp)")
    private DeliveryAgent smtp;

    @Configuration
    public Option[] configuration() {
        int sink;
        try {
            sink = TestHome.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestHome home = TestHome.create("relay", "relayhost = [127.0.0.1]:" + sink, "inet_protocols = ipv4");
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.sink").value(String.valueOf(sink)));
    }

    @Test
    public void mailForOtherDomainsGoesToTheRelayhostOneCopyPerDomain() throws Exception {
        int port = Integer.getInteger("tegami.test.sink");
        try (SmtpSink sink = SmtpSink.start("127.0.0.1", port)) {
            String marker = "relay-" + System.nanoTime();
            String id = OutboundMail.queue(queue, "root@localhost", marker, "bob@remote.example",
                    "carol@remote.example", "dave@other.example");
            OutboundMail.awaitGone(queue, id, 30_000);
            List<String> dumps = sink.messages().stream().filter(m -> m.contains(marker)).toList();
            assertEquals(dumps.toString(), 2, dumps.size());
            String remote = dumps.stream().filter(m -> m.contains("X-Rcpt-Args: <bob@remote.example>")).findFirst().orElseThrow();
            assertTrue(remote, remote.contains("X-Mail-Args: <root@localhost>"));
            assertTrue(remote, remote.contains("X-Rcpt-Args: <carol@remote.example>"));
            assertTrue(remote, remote.contains("\n.a line that starts with a dot\n") || remote.contains("\r\n.a line"));
            assertTrue(remote, remote.contains("last line"));
            String other = dumps.stream().filter(m -> m.contains("X-Rcpt-Args: <dave@other.example>")).findFirst().orElseThrow();
            assertTrue(other, !other.contains("X-Rcpt-Args: <bob@remote.example>"));
        }
    }
}
