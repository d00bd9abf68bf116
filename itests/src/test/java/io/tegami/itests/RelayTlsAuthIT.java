package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
import io.tegami.transport.testing.FakeSmtpServer;

/**
 * A relayhost that needs STARTTLS ({@code smtp_tls_security_level = encrypt}) and AUTH
 * ({@code smtp_sasl_auth_enable}, credentials from {@code smtp_sasl_password_maps} under the
 * {@code [host]:port} key), served by an in-test SMTP server with a throw-away certificate.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RelayTlsAuthIT {

    @Inject
    private MailQueue queue;

    @Inject
    @Filter("(transport=smtp)")
    private DeliveryAgent smtp;

    @Configuration
    public Option[] configuration() {
        int relay;
        try {
            relay = TestHome.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestHome home = TestHome.create("relay-tls", "relayhost = [127.0.0.1]:" + relay, "inet_protocols = ipv4",
                "smtp_tls_security_level = encrypt", "smtp_sasl_auth_enable = yes",
                "smtp_sasl_security_options = noanonymous", "smtp_sasl_password_maps = texthash:data/sasl_passwd");
        try {
            Files.writeString(home.home.resolve("data/sasl_passwd"), "[127.0.0.1]:" + relay + " relayuser:s3cret\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.relay").value(String.valueOf(relay)));
    }

    @Test
    public void mailGoesOverTlsAndAuthenticated() throws Exception {
        try (FakeSmtpServer relay = new FakeSmtpServer(Integer.getInteger("tegami.test.relay"))) {
            relay.withTls().withAuth("relayuser", "s3cret");
            String marker = "tls-" + System.nanoTime();
            String id = OutboundMail.queue(queue, "root@localhost", marker, "bob@remote.example");
            OutboundMail.awaitGone(queue, id, 30_000);
            assertEquals(1, relay.transactions.size());
            FakeSmtpServer.Transaction tx = relay.transactions.get(0);
            assertTrue("STARTTLS before the transaction", tx.tls());
            assertEquals("relayuser", tx.authUser());
            assertTrue(tx.data(), tx.data().contains("Subject: " + marker));
            assertTrue(relay.commands.toString(), relay.commands.indexOf("STARTTLS") < relay.commands.indexOf(
                    relay.commands.stream().filter(c -> c.startsWith("AUTH ")).findFirst().orElseThrow()));
        }
    }
}
