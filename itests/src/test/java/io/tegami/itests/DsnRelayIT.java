package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import io.tegami.api.queue.MailQueue;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import io.tegami.transport.testing.FakeSmtpServer;

/**
 * RFC 3461 through a relay: a client gives RET, ENVID, NOTIFY and ORCPT to Tegami, Tegami relays
 * to a {@code relayhost} that offers DSN, and the relayhost receives them as the client sent them;
 * the relayhost then owns the success notice, so the sender gets no "relayed" one from Tegami.
 * A relayhost without DSN gets none of the parameters and the sender gets "relayed".
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DsnRelayIT {

    @Inject
    private MailQueue queue;

    private int smtpPort;
    private int relayPort;
    private Path alicesMaildir;

    @Configuration
    public Option[] configuration() {
        int relay;
        try {
            relay = TestHome.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // No cached sessions: the second message must see the relayhost's new EHLO reply.
        TestHome home = TestHome.create("dsn-relay", "relayhost = [127.0.0.1]:" + relay, "inet_protocols = ipv4",
                "smtp_connection_cache_on_demand = no");
        home.addUser("alice", "secret");
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.smtp").value(String.valueOf(home.smtpPort)),
                systemProperty("tegami.test.relay").value(String.valueOf(relay)));
    }

    @Before
    public void awaitListener() throws Exception {
        smtpPort = Integer.getInteger("tegami.test.smtp");
        relayPort = Integer.getInteger("tegami.test.relay");
        alicesMaildir = Path.of(System.getProperty("tegami.home"), "data", "home", "alice", "Maildir");
        Net.awaitListening(smtpPort, 20_000);
    }

    /** Alice (a local user, from loopback, so relaying is allowed) sends bob at a remote domain. */
    private void submit(String marker) throws Exception {
        try (SmtpClient smtp = new SmtpClient(smtpPort)) {
            smtp.replyLine();
            List<String> ehlo = new ArrayList<>();
            smtp.send("EHLO client.example\r\n");
            ehlo.addAll(smtp.reply());
            assertTrue(ehlo.toString(), ehlo.contains("250-DSN"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost> RET=HDRS ENVID=" + marker + "+2B1"));
            assertEquals("250 2.1.5 Ok",
                    smtp.command("RCPT TO:<bob@remote.example> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Bob+2BOrig@remote.example"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<carol@remote.example>"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send("From: alice@localhost\r\nSubject: " + marker + "\r\n\r\nhello\r\n");
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as"));
            smtp.command("QUIT");
        }
    }

    private static FakeSmtpServer.Transaction await(FakeSmtpServer relay, String marker) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (FakeSmtpServer.Transaction tx : relay.transactions) {
                if (tx.data().contains(marker)) {
                    return tx;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the relayhost got nothing with " + marker + ": " + relay.commands);
    }

    private void awaitEmptyQueue() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!queue.list().isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("still queued: " + queue.list());
            }
            Thread.sleep(100);
        }
    }

    private List<String> noticesAbout(String marker) throws IOException {
        return Maildirs.read(alicesMaildir.resolve("new")).stream()
                .filter(m -> m.contains("Subject: Successful Mail Delivery Report") && m.contains(marker)).toList();
    }

    @Test
    public void aDsnRelayhostGetsTheParametersAndTheSuccessNoticeIsItsOwn() throws Exception {
        String passedOn = "dsn" + System.nanoTime();
        String relayed = "nodsn" + System.nanoTime();
        try (FakeSmtpServer relay = new FakeSmtpServer(relayPort)) {
            List<String> ext = new ArrayList<>(relay.extensions);
            ext.add("DSN");
            relay.extensions = ext;
            submit(passedOn);
            FakeSmtpServer.Transaction tx = await(relay, passedOn);
            assertEquals("<alice@localhost> SIZE=" + sizeOf(tx) + " ENVID=" + passedOn + "+2B1 RET=HDRS", tx.mailFrom());
            // carol gave no ORCPT: Tegami's SMTP server, like Postfix's, recorded her address as it came.
            assertEquals(List.of("<bob@remote.example> ORCPT=rfc822;Bob+2BOrig@remote.example NOTIFY=SUCCESS,FAILURE",
                    "<carol@remote.example> ORCPT=rfc822;carol@remote.example"), tx.rcpts());
            awaitEmptyQueue();

            // The same without DSN at the relayhost: plain commands, and Tegami says "relayed" itself.
            relay.extensions = List.copyOf(ext.subList(0, ext.size() - 1));
            submit(relayed);
            FakeSmtpServer.Transaction plain = await(relay, relayed);
            assertFalse(plain.mailFrom(), plain.mailFrom().contains("ENVID") || plain.mailFrom().contains("RET="));
            assertEquals(List.of("<bob@remote.example>", "<carol@remote.example>"), plain.rcpts());
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (noticesAbout(relayed).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<String> notices = noticesAbout(relayed);
        assertEquals(1, notices.size());
        assertTrue(notices.get(0), notices.get(0).contains("\nAction: relayed\n"));
        assertTrue(notices.get(0), notices.get(0).contains("\nOriginal-Recipient: rfc822;Bob+Orig@remote.example\n"));
        awaitEmptyQueue();
        // A notice for the first message would have been queued before the second was even sent.
        assertEquals(List.of(), noticesAbout(passedOn));
    }

    /** The SIZE Tegami declared is the queued size, which the test cannot know beforehand. */
    private static String sizeOf(FakeSmtpServer.Transaction tx) {
        String from = tx.mailFrom();
        int at = from.indexOf(" SIZE=");
        return at < 0 ? "?" : from.substring(at + 6, from.indexOf(' ', at + 6));
    }
}
