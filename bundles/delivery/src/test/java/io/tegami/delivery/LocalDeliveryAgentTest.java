package io.tegami.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.delivery.DeliveryResult.Status;
import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.store.QuotaException;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.DirectoryException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalDeliveryAgentTest {

    static final Instant NOW = Instant.parse("2024-06-04T10:15:30Z");

    final Fakes.Parameters parameters = new Fakes.Parameters();
    final Fakes.Directory directory = new Fakes.Directory().with("bob");
    final Fakes.Store store = new Fakes.Store();
    LocalDeliveryAgent agent;

    @BeforeEach
    void setUp() {
        agent = new LocalDeliveryAgent(parameters, Clock.fixed(NOW, ZoneOffset.UTC));
        agent.bindDirectory(directory);
        agent.bindStore(store, Map.of("type", "maildir"));
    }

    static Fakes.Message message(String sender, String rcpt, String content) {
        return new Fakes.Message(Envelope.of(MailAddress.parse(sender), List.of(MailAddress.parse(rcpt))), content);
    }

    private DeliveryResult deliver(String rcpt) {
        return agent.deliver(message("alice@example.org", rcpt, "Subject: hi\n\nbody\n"), MailAddress.parse(rcpt));
    }

    private static void assertResult(DeliveryResult r, Status status, String dsn, String detail) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(dsn, r.dsn(), r.toString());
        assertEquals("local", r.relay());
        assertEquals(detail, r.detail());
    }

    @Test
    void deliversToTheInboxWithTraceHeadersPrependedExactly() {
        Fakes.Message m = message("alice@example.org", "bob@example.org", "Subject: hi\n\nbody\n");
        DeliveryResult r = agent.deliver(m, MailAddress.parse("bob@example.org"));

        assertResult(r, Status.SENT, "2.0.0", "delivered to maildir");
        assertEquals(1, store.appended.size());
        Fakes.Appended a = store.appended.get(0);
        assertEquals("Return-Path: <alice@example.org>\nDelivered-To: bob@example.org\nSubject: hi\n\nbody\n",
                new String(a.content(), StandardCharsets.UTF_8));
        assertEquals("bob", a.user().name());
        assertEquals("INBOX", a.mailbox());
        assertEquals(java.util.Set.of(), a.flags());
        assertEquals(NOW, a.internalDate());
        assertEquals(1, store.deliverCalls, "delivered, so the store may leave numbering to the next reader");
        assertEquals(0, store.appendCalls);
        assertEquals(0, m.open, "the spool stream is closed");
        assertEquals(0, store.sessionsOpen, "the mailbox session is closed");
    }

    @Test
    void aBounceHasAnEmptyReturnPathAndContentBytesPassUnchanged() {
        String odd = "Subject: \u00fcml\u00e4ut\n\nline\r\nwith CR\n\u0000nul\n";
        agent.deliver(message("", "bob@example.org", odd), MailAddress.parse("bob@example.org"));
        assertEquals("Return-Path: <>\nDelivered-To: bob@example.org\n" + odd,
                new String(store.appended.get(0).content(), StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownUserBouncesWith511() {
        assertResult(deliver("nobody@example.org"), Status.BOUNCED, "5.1.1", "unknown user: \"nobody\"");
        assertTrue(store.appended.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "Bob@example.org,       '',   bob",
        "bob+lists@example.org, +,    bob",
        "BOB+Lists@example.org, +,    bob",
        "bob-x+y@example.org,   +-,   bob",
        "bob+x-y@example.org,   -+,   bob",
        "bob+lists@example.org, '',   bob+lists",
        "+bob@example.org,      +,    +bob",
    })
    void theUserNameIsTheFoldedLocalPartWithoutItsExtension(String rcpt, String delimiter, String user) {
        parameters.values.put("recipient_delimiter", delimiter);
        deliver(rcpt);
        assertEquals(List.of(user), directory.lookups);
    }

    @Test
    void delivered_ToKeepsTheFullRecipient() {
        parameters.values.put("recipient_delimiter", "+");
        assertEquals(Status.SENT, deliver("bob+lists@example.org").status());
        assertTrue(new String(store.appended.get(0).content(), StandardCharsets.UTF_8)
                .startsWith("Return-Path: <alice@example.org>\nDelivered-To: bob+lists@example.org\n"));
    }

    @Test
    void aDirectoryThatCannotAnswerDefers() {
        directory.failure = new DirectoryException("passwd file unreadable");
        assertResult(deliver("bob@example.org"), Status.DEFERRED, "4.3.0", "user lookup failed: passwd file unreadable");
    }

    @Test
    void noDirectoryOrNoStoreDefers() {
        agent.unbindDirectory(directory);
        assertResult(deliver("bob@example.org"), Status.DEFERRED, "4.3.0", "user directory unavailable");
        agent.bindDirectory(directory);
        agent.unbindStore(store);
        assertResult(deliver("bob@example.org"), Status.DEFERRED, "4.3.0", "mail store unavailable (maildir)");
        assertTrue(store.appended.isEmpty());
    }

    @Test
    void aFullMailboxDefersWith422AndOtherStoreFailuresWith430() {
        store.appendFailure = new StoreException(StoreException.Reason.NO_SPACE, "quota exceeded");
        assertResult(deliver("bob@example.org"), Status.DEFERRED, "4.2.2", "mailbox full: quota exceeded");
        store.appendFailure = new StoreException(StoreException.Reason.IO, "disk error");
        assertResult(deliver("bob@example.org"), Status.DEFERRED, "4.3.0", "cannot deliver to mailbox: disk error");
        store.appendFailure = null;
        store.openFailure = new StoreException(StoreException.Reason.NOT_FOUND, "no home");
        assertResult(deliver("bob@example.org"), Status.DEFERRED, "4.3.0", "cannot deliver to mailbox: no home");
        assertEquals(0, store.sessionsOpen);
    }

    @Test
    void aFullQuotaBouncesWith522UnlessQuotaFullTempfail() {
        // Dovecot's LDA and LMTP: quota_full_tempfail = no (the default) answers 552 5.2.2
        store.appendFailure = new QuotaException(QuotaException.DEFAULT_MESSAGE);
        assertResult(deliver("bob@example.org"), Status.BOUNCED, "5.2.2", "Quota exceeded (mailbox for user is full)");
        parameters.values.put("quota_full_tempfail", "yes");
        assertResult(deliver("bob@example.org"), Status.DEFERRED, "4.2.2", "Quota exceeded (mailbox for user is full)");
        // a full disk is never the sender's problem
        parameters.values.put("quota_full_tempfail", "no");
        store.appendFailure = new StoreException(StoreException.Reason.NO_SPACE, "No space left on device");
        assertResult(deliver("bob@example.org"), Status.DEFERRED, "4.2.2", "mailbox full: No space left on device");
    }

    @Test
    void anythingUnexpectedDefersInsteadOfLosingMail() {
        store.appendBug = new IllegalStateException("bug");
        DeliveryResult r = deliver("bob@example.org");
        assertEquals(Status.DEFERRED, r.status());
        assertEquals("4.3.0", r.dsn());
        assertEquals(0, store.sessionsOpen);

        store.appendBug = null;
        Fakes.Message unreadable = new Fakes.Message(Envelope.of(MailAddress.parse("a@example.org"),
                List.of(MailAddress.parse("bob@example.org"))), () -> {
                    throw new IOException("queue file gone");
                });
        assertResult(agent.deliver(unreadable, MailAddress.parse("bob@example.org")), Status.DEFERRED, "4.3.0",
                "cannot read message: queue file gone");
    }

    @Test
    void aGreedyStoreSwapKeepsTheNewStoreOfTheSameType() {
        Fakes.Store newer = new Fakes.Store();
        agent.bindStore(newer, Map.of("type", "maildir")); // the replacement arrives first...
        agent.unbindStore(store); // ...then the old one goes
        assertResult(deliver("bob@example.org"), Status.SENT, "2.0.0", "delivered to maildir");
        assertEquals(1, newer.appended.size());
        assertTrue(store.appended.isEmpty());
        agent.unbindStore(store); // a late unbind of the old one changes nothing
        assertEquals(Status.SENT, deliver("bob@example.org").status());
        assertEquals(0, newer.mailboxesOpen, "the mailbox handle is closed");
    }

    @Test
    void theStoreIsPickedByTheMailLocationPrefix() {
        Fakes.Store mbox = new Fakes.Store();
        agent.bindStore(mbox, Map.of("type", "mbox"));
        assertResult(deliver("bob@example.org"), Status.SENT, "2.0.0", "delivered to maildir");
        parameters.values.put("mail_location", "mbox:~/mail:INBOX=/var/mail/%u");
        assertResult(deliver("bob@example.org"), Status.SENT, "2.0.0", "delivered to mbox");
        assertEquals(1, store.appended.size());
        assertEquals(1, mbox.appended.size());
        parameters.values.put("mail_location", "MailDir:~/Maildir:LAYOUT=fs");
        assertResult(deliver("bob@example.org"), Status.SENT, "2.0.0", "delivered to maildir");
        parameters.values.put("mail_location", "~/Maildir");
        assertResult(deliver("bob@example.org"), Status.SENT, "2.0.0", "delivered to maildir");
        assertEquals(3, store.appended.size());
    }

    @Test
    void aUserdbMailFieldOverridesMailLocation() {
        Fakes.Store mbox = new Fakes.Store();
        agent.bindStore(mbox, Map.of("type", "mbox"));
        directory.with("carol", Map.of("userdb_mail", "mbox:~/mail")).with("dave", Map.of("mail", "mbox:~/m"));
        assertResult(deliver("carol@example.org"), Status.SENT, "2.0.0", "delivered to mbox");
        assertResult(deliver("dave@example.org"), Status.SENT, "2.0.0", "delivered to mbox");
        assertResult(deliver("bob@example.org"), Status.SENT, "2.0.0", "delivered to maildir");
        assertEquals(2, mbox.appended.size());
        assertEquals("carol", mbox.appended.get(0).user().name());
    }

    @Test
    void aMissingStoreTypeDefersWhileTheOtherStillDelivers() {
        directory.with("carol", Map.of("userdb_mail", "mbox:~/mail"));
        assertResult(deliver("carol@example.org"), Status.DEFERRED, "4.3.0", "mail store unavailable (mbox)");
        assertResult(deliver("bob@example.org"), Status.SENT, "2.0.0", "delivered to maildir");
        Fakes.Store mbox = new Fakes.Store();
        agent.bindStore(mbox, Map.of("type", "mbox"));
        assertResult(deliver("carol@example.org"), Status.SENT, "2.0.0", "delivered to mbox");
        agent.unbindStore(mbox);
        assertResult(deliver("carol@example.org"), Status.DEFERRED, "4.3.0", "mail store unavailable (mbox)");
    }

    @Test
    void largeMessagesAreStreamed() {
        long size = 64L * 1024 * 1024;
        store.countOnly = true;
        Fakes.Message big = new Fakes.Message(Envelope.of(MailAddress.parse("a@example.org"),
                List.of(MailAddress.parse("bob@example.org"))), () -> new Zeros(size));
        assertEquals(Status.SENT, agent.deliver(big, MailAddress.parse("bob@example.org")).status());
        String head = DeliveryHeaders.headers(MailAddress.parse("a@example.org"), MailAddress.parse("bob@example.org"));
        assertEquals(size + head.length(), store.counted);
    }

    /** A stream of n zero bytes that never exists in memory as a whole. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long n) {
            left = n;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
