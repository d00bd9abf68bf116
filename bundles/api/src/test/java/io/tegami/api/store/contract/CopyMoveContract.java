package io.tegami.api.store.contract;

import static io.tegami.api.store.contract.Expect.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.CopyResult;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import org.junit.jupiter.api.Test;

/** COPY and MOVE with UIDPLUS results. */
public interface CopyMoveContract extends StoreFixture {

    @Test
    default void copyKeepsContentFlagsAndDate() throws Exception {
        MailboxSession s = alice();
        s.create("Work");
        try (Mailbox inbox = s.open("INBOX"); Mailbox work = s.open("Work")) {
            String m1 = Msgs.message("one", "first");
            String m2 = Msgs.message("two", "second");
            long a = inbox.append(Msgs.stream(m1), Set.of(Flags.SEEN, "$Label1"), Msgs.date("2021-05-06T07:08:09Z"));
            long b = Msgs.append(inbox, m2, Flags.FLAGGED);
            long c = Msgs.add(inbox, "not copied");
            long before = work.uidNext();
            CopyResult r = inbox.copy(List.of(b, a, 987_654L), work);
            assertEquals(work.uidValidity(), r.uidValidity());
            assertEquals(List.of(a, b), new ArrayList<>(r.uids().keySet()), "missing UIDs are left out");
            long na = r.uids().get(a);
            long nb = r.uids().get(b);
            assertTrue(na >= before && na < nb, "new UIDs ascend with the source UIDs");
            assertEquals(List.of(na, nb), Msgs.uids(work));
            MessageInfo ia = Msgs.info(work, na);
            assertEquals(Set.of(Flags.SEEN, "$Label1"), ia.flags());
            assertEquals(Msgs.date("2021-05-06T07:08:09Z"), ia.internalDate());
            assertEquals(Set.of(Flags.FLAGGED), Msgs.info(work, nb).flags());
            assertArrayEquals(Msgs.crlf(m1), Msgs.read(work, na));
            assertArrayEquals(Msgs.crlf(m2), Msgs.read(work, nb));
            assertEquals(List.of(a, b, c), Msgs.uids(inbox), "the source is unchanged");
            // a copy is a separate message: changing one leaves the other alone
            work.addFlags(List.of(na), Set.of(Flags.DELETED));
            work.expunge();
            assertArrayEquals(Msgs.crlf(m1), Msgs.read(inbox, a));
        }
    }

    @Test
    default void copyIntoTheSameFolder() throws Exception {
        try (Mailbox inbox = alice().open("INBOX")) {
            long a = Msgs.add(inbox, "self");
            CopyResult r = inbox.copy(List.of(a), inbox);
            long n = r.uids().get(a);
            assertTrue(n > a);
            assertEquals(List.of(a, n), Msgs.uids(inbox));
        }
    }

    @Test
    default void moveExpungesTheSource() throws Exception {
        MailboxSession s = alice();
        s.create("Archive");
        try (Mailbox inbox = s.open("INBOX"); Mailbox archive = s.open("Archive")) {
            String m = Msgs.message("moving", "body");
            long a = Msgs.append(inbox, m, Flags.SEEN);
            long b = Msgs.add(inbox, "stays");
            long highest = inbox.highestModSeq();
            CopyResult r = inbox.move(List.of(a, 55_555L), archive);
            assertEquals(List.of(a), new ArrayList<>(r.uids().keySet()));
            assertEquals(archive.uidValidity(), r.uidValidity());
            assertEquals(List.of(b), Msgs.uids(inbox));
            assertTrue(inbox.highestModSeq() > highest);
            long moved = r.uids().get(a);
            assertEquals(List.of(moved), Msgs.uids(archive));
            assertEquals(Set.of(Flags.SEEN), Msgs.info(archive, moved).flags());
            assertArrayEquals(Msgs.crlf(m), Msgs.read(archive, moved));
        }
    }

    @Test
    default void moveFromReadOnlyIsRefused() throws Exception {
        MailboxSession s = alice();
        s.create("Other");
        long a;
        try (Mailbox inbox = s.open("INBOX")) {
            a = Msgs.add(inbox, "x");
        }
        try (Mailbox ro = s.open("INBOX", true); Mailbox other = s.open("Other")) {
            assertEquals(StoreException.Reason.NOT_ALLOWED, failure(() -> ro.move(List.of(a), other)));
            CopyResult r = ro.copy(List.of(a), other);
            assertEquals(1, r.uids().size(), "copying out of a read-only folder is fine");
            assertEquals(List.of(a), Msgs.uids(ro));
        }
    }

    @Test
    default void copyIntoADeletedFolderFails() throws Exception {
        MailboxSession s = alice();
        s.create("Gone");
        try (Mailbox inbox = s.open("INBOX"); Mailbox gone = s.open("Gone")) {
            long a = Msgs.add(inbox, "x");
            session(s.user()).delete("Gone");
            StoreException.Reason r = failure(() -> inbox.copy(List.of(a), gone));
            assertTrue(r == StoreException.Reason.NOT_FOUND || r == StoreException.Reason.IO, r.toString());
            assertEquals(List.of(a), Msgs.uids(inbox));
        }
    }
}
