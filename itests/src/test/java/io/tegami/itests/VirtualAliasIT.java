package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.MessageWriter;
import io.tegami.transport.testing.FakeSmtpServer;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Postfix virtual(5) in the real container: {@code virtual_alias_domains} are accepted as final
 * destinations (the SMTP client here may not relay), cleanup expands {@code virtual_alias_maps}
 * into local mailboxes and a remote address (which goes out through the {@code relayhost} with
 * the original recipient as ORCPT), a catch-all takes every other name of its domain, and a name
 * in a virtual alias domain without an entry is refused at RCPT (or bounced, when submitted
 * locally).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VirtualAliasIT {

    @Inject
    private MailQueue queue;

    private int smtpPort;
    private int relayPort;
    private Path homes;

    @Configuration
    public Option[] configuration() {
        int relay;
        try {
            relay = TestHome.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestHome home = TestHome.create("virtual", "relayhost = [127.0.0.1]:" + relay, "inet_protocols = ipv4",
                "smtpd_relay_restrictions = reject_unauth_destination",
                "virtual_alias_domains = example.test, nocatch.test",
                "virtual_alias_maps = hash:configs/virtual");
        home.addUser("alice", "secret");
        home.addUser("bob", "secret");
        try {
            Files.writeString(home.home.resolve("configs/virtual"), "# virtual(5)\n"
                    + "info@example.test     alice@localhost, bob@localhost\n"
                    + "@example.test         bob\n"
                    + "remote@nocatch.test   carol@remote.example\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)),
                systemProperty("tegami.test.relay").value(String.valueOf(relay)));
    }

    @Before
    public void awaitListener() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        relayPort = Integer.getInteger("tegami.test.relay");
        homes = Path.of(System.getProperty("tegami.home"), "data", "home");
        Net.awaitListening(smtpPort, 20_000);
    }

    private void submit(String to, String marker) throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<sender@client.example>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + to + ">"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("From: sender@client.example\r\nSubject: " + marker + "\r\n\r\nhello\r\n");
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as"));
            smtp.command("QUIT");
        }
    }

    private String await(String user, String marker) throws Exception {
        Path dir = homes.resolve(user).resolve("Maildir").resolve("new");
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (String m : Maildirs.read(dir)) {
                if (m.contains(marker)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message containing " + marker + " for " + user);
    }

    @Test
    public void aVirtualAliasReachesTwoLocalMailboxes() throws Exception {
        String marker = "info-" + System.nanoTime();
        submit("info@example.test", marker);
        assertTrue(await("alice", marker).contains("\nDelivered-To: alice@localhost\n"));
        assertTrue(await("bob", marker).contains("\nDelivered-To: bob@localhost\n"));
    }

    @Test
    public void theCatchAllTakesEveryOtherName() throws Exception {
        String marker = "catchall-" + System.nanoTime();
        submit("Anyone.At.All@example.test", marker);
        // The unqualified result "bob" is completed with @$myorigin, a local domain.
        String stored = await("bob", marker);
        assertTrue(stored, stored.contains("\nDelivered-To: bob@"));
    }

    @Test
    public void anUnlistedNameInAVirtualDomainIsRefused() throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<sender@client.example>"));
            assertEquals("550 5.1.1 <nobody@nocatch.test>: Recipient address rejected: User unknown in virtual alias table",
                    smtp.command("RCPT TO:<nobody@nocatch.test>"));
            assertEquals("554 5.7.1 <someone@remote.example>: Relay access denied",
                    smtp.command("RCPT TO:<someone@remote.example>"));
        }
    }

    @Test
    public void aLocalSubmissionToAnUnlistedNameBounces() throws Exception {
        String marker = "unlisted-" + System.nanoTime();
        // The queue service is what local submission uses: no RCPT check, so trivial-rewrite's
        // error transport answers for the virtual alias domain.
        try (MessageWriter w = queue.create(Envelope.of(MailAddress.parse("alice@localhost"),
                List.of(MailAddress.parse("nobody@nocatch.test"))))) {
            w.content().write(("From: alice@localhost\nSubject: " + marker + "\n\nhi\n").getBytes(StandardCharsets.US_ASCII));
            w.commit();
        }
        String bounce = await("alice", marker);
        assertTrue(bounce, bounce.contains("<nobody@nocatch.test>: User unknown in virtual alias table"));
        assertTrue(bounce, bounce.contains("\nStatus: 5.1.1\n"));
    }

    @Test
    public void aRemoteAliasGoesOutThroughTheSmtpTransport() throws Exception {
        String marker = "remote-" + System.nanoTime();
        try (FakeSmtpServer relay = new FakeSmtpServer(relayPort)) {
            List<String> ext = new ArrayList<>(relay.extensions);
            ext.add("DSN");
            relay.extensions = ext;
            submit("remote@nocatch.test", marker);
            long deadline = System.currentTimeMillis() + 30_000;
            FakeSmtpServer.Transaction got = null;
            while (got == null && System.currentTimeMillis() < deadline) {
                got = relay.transactions.stream().filter(t -> t.data().contains(marker)).findFirst().orElse(null);
                Thread.sleep(100);
            }
            assertTrue("the relayhost got nothing: " + relay.commands, got != null);
            assertEquals(List.of("<carol@remote.example> ORCPT=rfc822;remote@nocatch.test"), got.rcpts());
            while (!queue.list().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue("still queued: " + queue.list(), queue.list().isEmpty());
        }
    }
}
