package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Sieve's {@code ereject} (RFC 5429) refusing in the SMTP transaction, in the real container: a
 * message whose every recipient's script erejects it gets {@code 550 5.7.1 REASON} at the end of
 * DATA (and of BDAT) and nothing is queued; with another recipient it is queued and delivery
 * rejects it for the ereject-ing one. And {@code sieve_required = yes}: with the sieve bundle
 * stopped, mail for a user with scripts is deferred and stays queued, then delivered through the
 * scripts once the bundle is started again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SieveErejectIT {

    @Inject
    private MailQueue queue;

    @Inject
    private BundleContext context;

    private ContainerSmtp tegami;

    @Configuration
    public Option[] configuration() {
        TestHome h = TestHome.create("ereject", "myhostname = mail.example.test", "sieve_required = yes",
                "minimal_backoff_time = 1s", "maximal_backoff_time = 2s", "queue_run_delay = 1s");
        String[][] scripts = {
            {"refuser", "require \"ereject\";\nif header :contains \"subject\" \"offer\" { ereject \"No offers, thanks.\"; }\n"},
            {"grumpy", "require \"ereject\";\nereject \"Go away.\";\n"},
            {"filer", "require [\"fileinto\", \"mailbox\"];\nfileinto :create \"Work\";\n"},
        };
        h.addUser("alice", "secret");
        SieveUsers.add(h, scripts);
        return ContainerSmtp.options(h);
    }

    @Before
    public void awaitListener() throws Exception {
        tegami = ContainerSmtp.awaitListening();
        SieveBundle.awaitService(context, "io.tegami.api.sieve.SieveEreject");
    }

    /** Sends one message with DATA; returns the reply to the final dot. */
    private String submit(String subject, String... to) throws Exception {
        try (SmtpClient smtp = new SmtpClient(tegami.port())) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost>"));
            for (String rcpt : to) {
                assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + rcpt + ">"));
            }
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send(("From: alice@localhost\nTo: " + String.join(", ", to) + "\nSubject: " + subject
                    + "\nMessage-ID: <" + subject + "@client.example>\n\nBody of " + subject + "\n").replace("\n", "\r\n"));
            String reply = smtp.command(".");
            assertEquals("250 2.0.0 Ok", smtp.command("RSET"));
            smtp.command("QUIT");
            return reply;
        }
    }

    private List<String> find(String user, String folder, String marker) throws IOException {
        return Maildirs.find(tegami.userHome(user).resolve("Maildir"), folder, marker);
    }

    private String await(String user, String folder, String marker) throws Exception {
        return Maildirs.await(tegami.userHome(user).resolve("Maildir"), folder, marker, 30_000);
    }

    @Test
    public void everyRecipientErejectingRefusesAtEndOfData() throws Exception {
        int before = queue.list().size();
        assertEquals("550 5.7.1 No offers, thanks.", submit("offer-1", "refuser@localhost"));
        assertEquals("550 5.7.1 Go away.", submit("offer-2", "grumpy@localhost", "refuser@localhost"));
        assertTrue(queue.list().size() <= before);
        // A message the script does not refuse goes through.
        assertTrue(submit("hello-1", "refuser@localhost").startsWith("250 2.0.0 Ok: queued as"));
        await("refuser", "", "hello-1");
        assertTrue(find("refuser", "", "offer-1").isEmpty());
        assertTrue(find("grumpy", "", "offer-2").isEmpty());
        assertTrue("no refusal message went back: the client was told", find("alice", "", "offer-1").isEmpty()
                && find("alice", "", "offer-2").isEmpty());
    }

    @Test
    public void bdatIsRefusedToo() throws Exception {
        try (SmtpClient smtp = new SmtpClient(tegami.port())) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<grumpy@localhost>"));
            String content = "Subject: chunked-1\r\n\r\nhi\r\n";
            smtp.send("BDAT " + content.length() + " LAST\r\n" + content);
            assertEquals("550 5.7.1 Go away.", smtp.replyLine());
            smtp.command("QUIT");
        }
        assertTrue(find("grumpy", "", "chunked-1").isEmpty());
    }

    @Test
    public void withAnotherRecipientDeliveryRejectsInstead() throws Exception {
        assertTrue(submit("offer-3", "refuser@localhost", "alice@localhost").startsWith("250 2.0.0 Ok: queued as"));
        await("alice", "", "Subject: offer-3");
        // refuser's script rejects at delivery: the refusal goes back to the sender, alice.
        String refusal = await("alice", "", "was automatically rejected");
        assertTrue(refusal, refusal.contains("No offers, thanks."));
        assertTrue(find("refuser", "", "offer-3").isEmpty());
    }

    @Test
    public void sieveRequiredDefersWhileTheBundleIsStopped() throws Exception {
        Bundle sieve = SieveBundle.of(context);
        sieve.stop();
        try {
            assertTrue(submit("required-1", "filer@localhost").startsWith("250 2.0.0 Ok: queued as"));
            Thread.sleep(4000); // a few retries come and go
            assertTrue("deferred mail stays queued", queue.list().size() >= 1);
            assertTrue(find("filer", "", "required-1").isEmpty());
            assertTrue(find("filer", "Work", "required-1").isEmpty());
        } finally {
            sieve.start();
        }
        SieveBundle.awaitService(context, SieveBundle.ENGINE);
        await("filer", "Work", "required-1");
        assertTrue("the script decided: not INBOX", find("filer", "", "required-1").isEmpty());
    }
}
