package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
 * Sieve at delivery over SMTP in the real container: each user has an active script in
 * Pigeonhole's layout ({@code ~/sieve/main.sieve} linked from {@code ~/.dovecot.sieve}); mail is
 * filed with a flag, discarded, redirected, rejected (the refusal reaches the sender), answered by
 * vacation once per period, and kept in INBOX when the script is broken or the sieve bundle stopped.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SieveDeliveryIT {

    @Inject
    private MailQueue queue;

    @Inject
    private BundleContext context;

    private ContainerSmtp tegami;

    @Configuration
    public Option[] configuration() {
        TestHome h = TestHome.create("sieve", "myhostname = mail.example.test");
        String[][] scripts = {
            {"filer", "require [\"fileinto\", \"mailbox\", \"imap4flags\"];\nfileinto :create :flags \"\\\\Flagged\" \"Work\";\n"},
            {"dropper", "discard;\n"},
            {"redir", "redirect \"carol@localhost\";\n"},
            {"rejecter", "require \"reject\";\nreject \"I do not take mail.\";\n"},
            {"away", "require \"vacation\";\nvacation :days 1 :subject \"Away\" \"Back next week.\";\n"},
            {"broken", "require \"fileinto\";\nfileinto \"Work\"\ndiscard;\n"},
        };
        h.addUser("alice", "secret");
        h.addUser("carol", "secret");
        SieveUsers.add(h, scripts);
        return ContainerSmtp.options(h);
    }

    @Before
    public void awaitListener() throws Exception {
        tegami = ContainerSmtp.awaitListening();
    }

    private void submit(String to, String subject) throws Exception {
        try (SmtpClient smtp = new SmtpClient(tegami.port())) {
            smtp.replyLine();
            assertTrue(smtp.command("EHLO client.example").startsWith("250"));
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<alice@localhost>"));
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<" + to + ">"));
            assertTrue(smtp.command("DATA").startsWith("354"));
            smtp.send(("From: alice@localhost\nTo: " + to + "\nSubject: " + subject + "\nMessage-ID: <" + subject
                    + "@client.example>\n\nBody of " + subject + "\n").replace("\n", "\r\n"));
            assertTrue(smtp.command(".").startsWith("250 2.0.0 Ok: queued as"));
            smtp.command("QUIT");
        }
    }

    private List<String> find(String user, String folder, String marker) throws IOException {
        return Maildirs.find(tegami.userHome(user).resolve("Maildir"), folder, marker);
    }

    private String await(String user, String folder, String marker) throws Exception {
        return Maildirs.await(tegami.userHome(user).resolve("Maildir"), folder, marker, 20_000);
    }

    /** Waits until the queue has nothing left, so that whatever was to be sent has been. */
    private void awaitEmptyQueue() throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!queue.list().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue("queue not empty: " + queue.list(), queue.list().isEmpty());
    }

    @Test
    public void fileintoCreatesTheFolderAndSetsTheFlag() throws Exception {
        submit("filer@localhost", "filed-1");
        String m = await("filer", "Work", "filed-1");
        assertTrue(m, m.split("\n")[0].startsWith("cur/") && m.split("\n")[0].endsWith(",F"));
        assertTrue(find("filer", "", "filed-1").isEmpty());
    }

    @Test
    public void discardDropsAndRedirectForwardsWithTheSenderKept() throws Exception {
        submit("dropper@localhost", "dropped-1");
        submit("redir@localhost", "redirected-1");
        String m = await("carol", "", "redirected-1");
        assertTrue(m, m.contains("Return-Path: <alice@localhost>"));
        awaitEmptyQueue();
        assertTrue(find("dropper", "", "dropped-1").isEmpty());
        assertTrue(find("redir", "", "redirected-1").isEmpty());
    }

    @Test
    public void rejectSendsTheRefusalToTheSender() throws Exception {
        submit("rejecter@localhost", "rejected-1");
        String r = await("alice", "", "Subject: Rejected: rejected-1");
        assertTrue(r, r.contains("Return-Path: <>"));
        assertTrue(r, r.contains("Your message to <rejecter@localhost> was automatically rejected:"));
        assertTrue(r, r.contains("I do not take mail."));
        assertTrue(r, r.contains("Disposition: automatic-action/MDN-sent-automatically; deleted"));
        assertTrue(find("rejecter", "", "rejected-1").isEmpty());
    }

    @Test
    public void vacationAnswersOncePerPeriod() throws Exception {
        submit("away@localhost", "vacation-1");
        String reply = await("alice", "", "In-Reply-To: <vacation-1@client.example>");
        assertTrue(reply, reply.contains("Subject: Away"));
        assertTrue(reply, reply.contains("Auto-Submitted: auto-replied (vacation)"));
        assertTrue(reply, reply.contains("Back next week."));
        await("away", "", "vacation-1");
        submit("away@localhost", "vacation-2");
        await("away", "", "vacation-2");
        awaitEmptyQueue();
        Thread.sleep(500);
        assertTrue(find("alice", "", "In-Reply-To: <vacation-2@client.example>").isEmpty());
    }

    @Test
    public void aBrokenScriptKeepsTheMessage() throws Exception {
        submit("broken@localhost", "broken-1");
        await("broken", "", "broken-1");
    }

    @Test
    public void withTheSieveBundleStoppedMailGoesToInbox() throws Exception {
        Bundle sieve = SieveBundle.of(context);
        sieve.stop();
        try {
            submit("dropper@localhost", "swapped-1");
            await("dropper", "", "swapped-1");
        } finally {
            sieve.start();
        }
        SieveBundle.awaitService(context, SieveBundle.ENGINE);
        submit("dropper@localhost", "swapped-2");
        awaitEmptyQueue();
        assertTrue(find("dropper", "", "swapped-2").isEmpty());
    }
}
