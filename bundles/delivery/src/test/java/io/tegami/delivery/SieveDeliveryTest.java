package io.tegami.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import io.tegami.sieve.SieveEngineImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mailbox delivery through the real Sieve engine into a real Maildir: each action end to end. */
class SieveDeliveryTest {

    static final String MAIL = "From: alice@far.test\nTo: bob@here.test\nSubject: hello\nMessage-ID: <m1@far.test>\n\nbody\n";

    @TempDir
    Path root;
    SieveHarness h;

    @BeforeEach
    void setUp() {
        h = new SieveHarness(root, SieveEngineImpl.withBundledExtensions());
    }

    @Test
    void withoutScriptMailGoesToInbox() throws Exception {
        assertEquals(DeliveryResult.Status.SENT, h.deliver("alice@far.test", "bob@here.test", MAIL).status());
        assertEquals(1, h.folder("bob", "").size());
    }

    @Test
    void fileintoCreateWithFlag() throws Exception {
        h.script("bob", "require [\"fileinto\", \"mailbox\", \"imap4flags\"];\n"
                + "fileinto :create :flags \"\\\\Flagged\" \"Work\";\n");
        assertEquals(DeliveryResult.Status.SENT, h.deliver("alice@far.test", "bob@here.test", MAIL).status());
        List<String> work = h.folder("bob", "Work");
        assertEquals(1, work.size(), work.toString());
        assertTrue(work.get(0).split("\n")[0].endsWith(",F"), work.get(0));
        assertTrue(work.get(0).contains("Delivered-To: bob@here.test\n"), work.get(0));
        assertEquals(0, h.folder("bob", "").size());
    }

    @Test
    void fileintoMissingFolderFallsBackToInboxUnlessAutocreate() throws Exception {
        h.script("bob", "require \"fileinto\";\nfileinto \"Lists\";\n");
        h.deliver("alice@far.test", "bob@here.test", MAIL);
        assertEquals(1, h.folder("bob", "").size());
        assertEquals(0, h.folder("bob", "Lists").size());
        h.parameters.set("lda_mailbox_autocreate", "yes");
        h.deliver("alice@far.test", "bob@here.test", MAIL);
        assertEquals(1, h.folder("bob", "Lists").size());
        assertEquals(1, h.folder("bob", "").size());
    }

    @Test
    void discardStoresNothing() throws Exception {
        h.script("bob", "discard;\n");
        assertEquals(DeliveryResult.Status.SENT, h.deliver("alice@far.test", "bob@here.test", MAIL).status());
        assertEquals(0, h.folder("bob", "").size());
        assertTrue(h.queue.envelopes.isEmpty());
    }

    @Test
    void redirectKeepsTheEnvelopeSenderAndAppliesHeaderEdits() throws Exception {
        h.script("bob", "require \"editheader\";\naddheader \"X-Filtered\" \"yes\";\nredirect \"carol@here.test\";\n");
        h.deliver("alice@far.test", "bob@here.test", MAIL);
        assertEquals(0, h.folder("bob", "").size());
        assertEquals(1, h.queue.envelopes.size());
        assertEquals(MailAddress.parse("alice@far.test"), h.queue.envelopes.get(0).sender());
        assertEquals(List.of(MailAddress.parse("carol@here.test")), h.queue.envelopes.get(0).recipients());
        assertTrue(h.queue.contents.get(0).startsWith("Delivered-To: bob@here.test\nX-Filtered: yes\nFrom:"),
                h.queue.contents.get(0));
    }

    @Test
    void redirectWithCopyAlsoKeeps() throws Exception {
        h.script("bob", "require \"copy\";\nredirect :copy \"carol@here.test\";\n");
        h.deliver("alice@far.test", "bob@here.test", MAIL);
        assertEquals(1, h.folder("bob", "").size());
        assertEquals(1, h.queue.envelopes.size());
    }

    @Test
    void rejectSendsAnMdnToTheSenderButNeverToTheNullSender() throws Exception {
        h.script("bob", "require \"reject\";\nreject \"go away\";\n");
        h.deliver("alice@far.test", "bob@here.test", MAIL);
        assertEquals(0, h.folder("bob", "").size());
        assertEquals(1, h.queue.envelopes.size());
        assertTrue(h.queue.envelopes.get(0).sender().isNullSender());
        assertEquals(List.of(MailAddress.parse("alice@far.test")), h.queue.envelopes.get(0).recipients());
        String r = h.queue.contents.get(0);
        assertTrue(r.contains("Subject: Rejected: hello\n"), r);
        assertTrue(r.contains("Your message to <bob@here.test> was automatically rejected:\ngo away\n"), r);
        assertTrue(r.contains("report-type=disposition-notification"), r);
        assertTrue(r.contains("Disposition: automatic-action/MDN-sent-automatically; deleted\n"), r);
        assertTrue(r.contains("Original-Message-ID: <m1@far.test>\n"), r);
        assertTrue(r.contains("Content-Type: message/rfc822\n\nFrom: alice@far.test\n"), r);
        assertFalse(r.contains("body\n"), "only the original header goes back");
        h.deliver("", "bob@here.test", MAIL);
        assertEquals(1, h.queue.envelopes.size());
        assertEquals(0, h.folder("bob", "").size());
    }

    @Test
    void vacationAnswersOncePerPeriod() throws Exception {
        h.script("bob", "require \"vacation\";\nvacation :days 1 \"I am away.\";\n");
        h.deliver("alice@far.test", "bob@here.test", MAIL);
        assertEquals(1, h.folder("bob", "").size(), "vacation keeps the message");
        assertEquals(1, h.queue.envelopes.size());
        String reply = h.queue.contents.get(0);
        assertTrue(h.queue.envelopes.get(0).sender().isNullSender());
        assertTrue(reply.contains("Auto-Submitted: auto-replied (vacation)\n"), reply);
        assertTrue(reply.contains("In-Reply-To: <m1@far.test>\nReferences: <m1@far.test>\n"), reply);
        assertTrue(reply.contains("Subject: Auto: hello\n"), reply);
        assertTrue(reply.endsWith("\n\nI am away.\n"), reply);
        h.deliver("alice@far.test", "bob@here.test", MAIL);
        assertEquals(1, h.queue.envelopes.size(), "second message within a day gets no reply");
        h.now = h.now.plus(Duration.ofDays(1)).plusSeconds(1);
        h.deliver("alice@far.test", "bob@here.test", MAIL);
        assertEquals(2, h.queue.envelopes.size(), "answered again after the period");
    }

    @Test
    void vacationFollowsRfc3834() throws Exception {
        h.script("bob", "require \"vacation\";\nvacation \"I am away.\";\n");
        h.deliver("", "bob@here.test", MAIL);
        h.deliver("alice@far.test", "bob@here.test", "List-Id: <l.far.test>\n" + MAIL);
        h.deliver("alice@far.test", "bob@here.test", "Precedence: bulk\n" + MAIL);
        h.deliver("alice@far.test", "bob@here.test", "Auto-Submitted: auto-generated\n" + MAIL);
        h.deliver("mailer-daemon@far.test", "bob@here.test", MAIL);
        h.deliver("alice@far.test", "bob@here.test", MAIL.replace("To: bob@here.test", "To: other@far.test"));
        assertEquals(0, h.queue.envelopes.size(), h.queue.contents.toString());
        h.deliver("alice@far.test", "bob@here.test", "Auto-Submitted: no\n" + MAIL);
        assertEquals(1, h.queue.envelopes.size());
        assertEquals(7, h.folder("bob", "").size());
    }

    @Test
    void brokenScriptKeepsTheMessage() throws Exception {
        h.script("bob", "require \"fileinto\";\nfileinto \"x\"\nkeep;\n");
        assertEquals(DeliveryResult.Status.SENT, h.deliver("alice@far.test", "bob@here.test", MAIL).status());
        assertEquals(1, h.folder("bob", "").size());
    }

    @Test
    void editheaderChangesTheStoredCopy() throws Exception {
        h.script("bob", "require \"editheader\";\ndeleteheader \"Subject\";\naddheader :last \"X-Spam\" \"no\";\n");
        h.deliver("alice@far.test", "bob@here.test", MAIL);
        String stored = h.folder("bob", "").get(0);
        assertFalse(stored.contains("Subject:"), stored);
        assertTrue(stored.contains("Message-ID: <m1@far.test>\nX-Spam: no\n\nbody\n"), stored);
    }

    @Test
    void sieveBeforeRunsForUsersWithoutScripts() throws Exception {
        java.nio.file.Files.writeString(root.resolve("before.sieve"), "require \"fileinto\";\n"
                + "if header :contains \"subject\" \"hello\" { fileinto \"INBOX\"; stop; }\n");
        h.parameters.set("sieve_before", root.resolve("before.sieve").toString());
        h.deliver("alice@far.test", "carol@here.test", MAIL);
        assertEquals(1, h.folder("carol", "").size());
    }
}
