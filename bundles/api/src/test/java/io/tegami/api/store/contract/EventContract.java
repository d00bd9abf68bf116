package io.tegami.api.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import org.junit.jupiter.api.Test;

/** Changes made by one session reach the others' listeners; external changes through refresh(). */
public interface EventContract extends StoreFixture {

    @Test
    default void eventsReachOtherSessionsNotTheActor() throws Exception {
        MailboxSession s1 = alice();
        MailboxSession s2 = session(s1.user());
        try (Mailbox a = s1.open("INBOX"); Mailbox b = s2.open("INBOX")) {
            RecordingListener own = new RecordingListener();
            RecordingListener other = new RecordingListener();
            a.addListener(own);
            b.addListener(other);
            b.messages();
            long uid = Msgs.add(a, "event");
            assertTrue(other.await(() -> other.addedUids().contains(uid)), "EXISTS reaches the other session");
            a.addFlags(List.of(uid), Set.of(Flags.SEEN, "Work"));
            assertTrue(other.await(() -> other.flagsChanged().stream()
                    .anyMatch(m -> m.uid() == uid && m.flags().equals(Set.of(Flags.SEEN, "Work")))),
                    "FETCH FLAGS reaches the other session: " + other.flagsChanged());
            MessageInfo flagged = other.flagsChanged().get(other.flagsChanged().size() - 1);
            assertEquals(Msgs.info(a, uid).modSeq(), flagged.modSeq());
            a.addFlags(List.of(uid), Set.of(Flags.DELETED));
            a.expunge();
            assertTrue(other.await(() -> other.expunged().contains(uid)), "EXPUNGE reaches the other session");
            assertEquals(0, own.eventCount(), "the acting handle hears nothing of its own changes");
        }
    }

    @Test
    default void eventsFromDeliveryAndCopy() throws Exception {
        MailboxSession imap = alice();
        imap.create("Work");
        try (Mailbox inbox = imap.open("INBOX"); Mailbox work = imap.open("Work")) {
            RecordingListener inboxEvents = new RecordingListener();
            RecordingListener workEvents = new RecordingListener();
            inbox.addListener(inboxEvents);
            work.addListener(workEvents);
            long delivered;
            try (MailboxSession lda = session(imap.user()); Mailbox target = lda.open("INBOX")) {
                delivered = Msgs.add(target, "delivered");
            }
            assertTrue(inboxEvents.await(() -> inboxEvents.addedUids().contains(delivered)));
            assertTrue(inboxEvents.added().get(0).recent(), "the only listening session gets \\Recent");
            MailboxSession other = session(imap.user());
            try (Mailbox otherInbox = other.open("INBOX"); Mailbox otherWork = other.open("Work")) {
                long copied = otherInbox.copy(List.of(delivered), otherWork).uids().get(delivered);
                assertTrue(workEvents.await(() -> workEvents.addedUids().contains(copied)), "COPY target hears EXISTS");
                otherInbox.move(List.of(delivered), otherWork);
                assertTrue(inboxEvents.await(() -> inboxEvents.expunged().contains(delivered)), "MOVE source hears EXPUNGE");
            }
        }
    }

    @Test
    default void eventsOnlyOneListenerGetsRecent() throws Exception {
        MailboxSession s1 = alice();
        MailboxSession s2 = session(s1.user());
        try (Mailbox a = s1.open("INBOX"); Mailbox b = s2.open("INBOX")) {
            RecordingListener la = new RecordingListener();
            RecordingListener lb = new RecordingListener();
            a.addListener(la);
            b.addListener(lb);
            long uid;
            try (Mailbox d = session(s1.user()).open("INBOX")) {
                uid = Msgs.add(d, "one of two");
            }
            assertTrue(la.await(() -> la.addedUids().contains(uid)));
            assertTrue(lb.await(() -> lb.addedUids().contains(uid)));
            long recent = List.of(la.added().get(0), lb.added().get(0)).stream().filter(MessageInfo::recent).count();
            assertEquals(1, recent, "exactly one session gets \\Recent");
        }
    }

    @Test
    default void eventsStopAfterRemoveAndClose() throws Exception {
        MailboxSession s1 = alice();
        MailboxSession s2 = session(s1.user());
        Mailbox b = s2.open("INBOX");
        RecordingListener removed = new RecordingListener();
        RecordingListener closedHandle = new RecordingListener();
        b.addListener(removed);
        b.removeListener(removed);
        b.removeListener(new RecordingListener());
        Mailbox c = s2.open("INBOX");
        c.addListener(closedHandle);
        c.close();
        try (Mailbox a = s1.open("INBOX")) {
            Msgs.add(a, "unheard");
        }
        Thread.sleep(100);
        assertEquals(0, removed.eventCount());
        assertEquals(0, closedHandle.eventCount());
        b.close();
    }

    @Test
    default void eventsClosedWhenTheFolderIsDeleted() throws Exception {
        MailboxSession s1 = alice();
        s1.create("Doomed");
        Mailbox box = s1.open("Doomed");
        RecordingListener l = new RecordingListener();
        box.addListener(l);
        session(s1.user()).delete("Doomed");
        try {
            box.refresh();
        } catch (Exception expected) {
            // a store may also fail the call
        }
        assertTrue(l.await(l::wasClosed), "a deleted folder's handles are closed");
        box.close();
    }

    @Test
    default void eventsForExternalChangesAfterRefresh() throws Exception {
        MailboxSession s1 = alice();
        MailboxSession s2 = session(s1.user());
        try (Mailbox a = s1.open("INBOX"); Mailbox b = s2.open("INBOX")) {
            RecordingListener la = new RecordingListener();
            RecordingListener lb = new RecordingListener();
            a.addListener(la);
            b.addListener(lb);
            List<Long> before = Msgs.uids(a);
            assumeTrue(addExternally(s1.user(), "INBOX", Msgs.message("external", "dropped in by another program")),
                    "the store has no notion of external writers");
            a.refresh();
            assertTrue(la.await(() -> la.added().size() == 1), "the handle that found it hears it: " + la.added());
            assertTrue(lb.await(() -> lb.added().size() == 1), "so do the others");
            long uid = la.added().get(0).uid();
            assertFalse(before.contains(uid));
            assertTrue(uid >= before.stream().mapToLong(Long::longValue).max().orElse(0) + 1);
            assertTrue(Msgs.text(b, uid).contains("dropped in by another program"));
            a.refresh();
            Thread.sleep(50);
            assertEquals(1, la.added().size(), "nothing new, no event");
        }
    }
}
