package io.tegami.api.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.Quota;
import io.tegami.api.store.QuotaException;
import io.tegami.api.store.QuotaRules;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.User;
import org.junit.jupiter.api.Test;

/**
 * Quota with Dovecot's rules, given here as the user's userdb fields ({@code userdb_quota_rule},
 * which override the parameters): usage reported, appends, copies and deliveries that do not fit
 * refused with {@link QuotaException}, deliveries given {@code quota_grace}, moves not checked,
 * ignored mailboxes not counted, expunges and deletes giving room back.
 */
public interface QuotaContract extends StoreFixture {

    /** A user {@code name} with these userdb fields (key, value, ...) on top of the fixture's. */
    default User quotaUser(String name, String... fields) {
        User u = user(name);
        Map<String, String> all = new HashMap<>(u.fields());
        for (int i = 0; i < fields.length; i += 2) {
            all.put(fields[i], fields[i + 1]);
        }
        return new User(u.name(), u.uid(), u.gid(), u.home(), all);
    }

    /** A message of about {@code size} bytes. */
    private static String sized(String subject, int size) {
        StringBuilder body = new StringBuilder();
        while (body.length() < size) {
            body.append("0123456789012345678901234567890123456789012345678901234567890123456789\n");
        }
        return Msgs.message(subject, body.substring(0, Math.max(1, size - 150)));
    }

    private static Quota quota(MailboxSession s) throws StoreException {
        return s.quota().orElseThrow(() -> new AssertionError("a user with quota rules has a quota root"));
    }

    @Test
    default void quotaNoRulesNoQuotaRoot() throws Exception {
        MailboxSession s = alice();
        try (Mailbox box = s.open("INBOX")) {
            Msgs.add(box, "one");
        }
        assertTrue(s.quota().isEmpty(), "no quota_rule: no quota root");
    }

    @Test
    default void quotaReportsUsageAndLimits() throws Exception {
        MailboxSession s = session(quotaUser("quser", "userdb_quota_rule", "*:storage=10M:messages=100"));
        long lf = 0;
        long crlf = 0;
        try (Mailbox box = s.open("INBOX")) {
            for (int i = 0; i < 3; i++) {
                String m = Msgs.message("usage " + i, "some text " + i);
                lf += m.length();
                crlf += Msgs.crlf(m).length;
                Msgs.append(box, m);
            }
        }
        Quota q = quota(s);
        assertEquals(QuotaRules.DEFAULT_ROOT, q.root());
        assertEquals(10L * 1024 * 1024, q.storageLimit());
        assertEquals(100, q.messagesLimit());
        assertEquals(3, q.messagesUsed());
        assertTrue(q.storageUsed() >= lf && q.storageUsed() <= crlf, lf + " <= " + q.storageUsed() + " <= " + crlf);
        assertEquals(10L * 1024, q.storageLimitKib());
        assertEquals(q, quota(session(s.user())), "another session counts the same");
    }

    @Test
    default void quotaAppendOverTheStorageLimitIsRefused() throws Exception {
        MailboxSession s = session(quotaUser("quser", "userdb_quota_rule", "*:storage=4k"));
        try (Mailbox box = s.open("INBOX")) {
            Msgs.append(box, sized("small", 1000));
            Quota before = quota(s);
            QuotaException e = assertThrows(QuotaException.class, () -> Msgs.append(box, sized("big", 5000)));
            assertEquals(StoreException.Reason.NO_SPACE, e.reason());
            assertEquals(QuotaException.DEFAULT_MESSAGE, e.getMessage());
            assertEquals(1, box.messages().size(), "the refused message is not there");
            assertEquals(before, quota(s), "a refused message takes nothing");
            Msgs.append(box, sized("fits", 2000));
            assertEquals(2, box.messages().size());
        }
    }

    @Test
    default void quotaMessageLimitAndExpungeGivesRoomBack() throws Exception {
        MailboxSession s = session(quotaUser("quser", "userdb_quota_rule", "*:messages=2"));
        try (Mailbox box = s.open("INBOX")) {
            long first = Msgs.add(box, "one");
            Msgs.add(box, "two");
            assertThrows(QuotaException.class, () -> Msgs.add(box, "three"));
            assertThrows(QuotaException.class, () -> box.deliver(Msgs.stream(Msgs.message("four", "x")), Set.of(), null));
            box.addFlags(List.of(first), Set.of(Flags.DELETED));
            box.expunge();
            assertEquals(1, quota(s).messagesUsed());
            Msgs.add(box, "five");
            assertEquals(2, box.messages().size());
        }
    }

    @Test
    default void quotaDeliveriesGetTheGraceAppendsDoNot() throws Exception {
        MailboxSession s = session(quotaUser("quser", "userdb_quota_rule", "*:storage=8k",
                "userdb_quota_grace", "8k"));
        try (Mailbox box = s.open("INBOX")) {
            Msgs.append(box, sized("base", 6000));
            String big = sized("big", 4000);
            assertThrows(QuotaException.class, () -> Msgs.append(box, big), "IMAP APPEND gets no grace");
            box.deliver(Msgs.stream(big), Set.of(), null); // under the limit before: the grace lets it in
            assertTrue(quota(s).storageUsed() > 8 * 1024, "over the limit now: " + quota(s));
            assertThrows(QuotaException.class, () -> box.deliver(Msgs.stream(sized("more", 100)), Set.of(), null),
                    "over the limit: not even a delivery");
            assertEquals(2, box.messages().size());
        }
    }

    @Test
    default void quotaCopyIsCheckedMoveIsNot() throws Exception {
        MailboxSession s = session(quotaUser("quser", "userdb_quota_rule", "*:messages=3"));
        s.create("Archive");
        try (Mailbox inbox = s.open("INBOX"); Mailbox archive = s.open("Archive")) {
            long a = Msgs.add(inbox, "a");
            long b = Msgs.add(inbox, "b");
            assertThrows(QuotaException.class, () -> inbox.copy(List.of(a, b), archive), "4 messages > 3");
            assertEquals(0, archive.messages().size(), "nothing copied");
            inbox.move(List.of(a, b), archive);
            assertEquals(2, archive.messages().size(), "a move within the quota is not refused");
            assertEquals(2, quota(s).messagesUsed());
            archive.copy(List.of(archive.messages().get(0).uid()), inbox);
            assertEquals(3, quota(s).messagesUsed());
        }
    }

    @Test
    default void quotaIgnoredMailboxesAndMailboxRules() throws Exception {
        MailboxSession s = session(quotaUser("quser", "userdb_quota_rule", "*:messages=2",
                "userdb_quota_rule2", "Trash:ignore", "userdb_quota_rule3", "Junk:messages=+2"));
        s.create("Trash");
        s.create("Junk");
        try (Mailbox inbox = s.open("INBOX"); Mailbox trash = s.open("Trash"); Mailbox junk = s.open("Junk")) {
            for (int i = 0; i < 4; i++) {
                Msgs.add(trash, "trash " + i); // not counted, never refused
            }
            Msgs.add(inbox, "one");
            Msgs.add(inbox, "two");
            assertEquals(2, quota(s).messagesUsed(), "Trash is not counted");
            assertThrows(QuotaException.class, () -> Msgs.add(inbox, "three"));
            Msgs.add(junk, "junk 1"); // Junk's limit is 2 + 2
            Msgs.add(junk, "junk 2");
            assertThrows(QuotaException.class, () -> Msgs.add(junk, "junk 3"));
            assertEquals(2, quota(s).messagesLimit(), "GETQUOTA shows the default limits");
        }
    }

    @Test
    default void quotaDeletingAFolderGivesRoomBack() throws Exception {
        MailboxSession s = session(quotaUser("quser", "userdb_quota_rule", "*:messages=3"));
        s.create("Old");
        try (Mailbox old = s.open("Old")) {
            Msgs.add(old, "a");
            Msgs.add(old, "b");
        }
        try (Mailbox inbox = s.open("INBOX")) {
            Msgs.add(inbox, "c");
            assertThrows(QuotaException.class, () -> Msgs.add(inbox, "d"));
            s.delete("Old");
            assertEquals(1, quota(s).messagesUsed());
            Msgs.add(inbox, "d");
        }
    }

    @Test
    default void quotaABrokenRuleFailsTemporarilyNotSilently() throws Exception {
        MailboxSession s = session(quotaUser("quser", "userdb_quota_rule", "*:storage=lots"));
        try (Mailbox box = s.open("INBOX")) {
            StoreException e = assertThrows(StoreException.class, () -> Msgs.add(box, "x"));
            assertEquals(StoreException.Reason.IO, e.reason(), "a configuration error is not the sender's fault");
        }
    }
}
