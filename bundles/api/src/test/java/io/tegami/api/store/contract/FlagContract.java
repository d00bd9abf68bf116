package io.tegami.api.store.contract;

import static io.tegami.api.store.contract.Expect.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;
import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import org.junit.jupiter.api.Test;

/** Flags, keywords, modification sequences, \Recent and read-only handles. */
public interface FlagContract extends StoreFixture {

    @Test
    default void flagsSetAddRemoveAndPersist() throws Exception {
        MailboxSession s = alice();
        long uid;
        try (Mailbox box = s.open("INBOX")) {
            uid = Msgs.add(box, "f");
            List<MessageInfo> r = box.addFlags(List.of(uid), Set.of("\\SEEN", "Work"));
            assertEquals(1, r.size());
            assertEquals(Set.of(Flags.SEEN, "Work"), r.get(0).flags(), "system flags are matched without case");
            box.addFlags(List.of(uid), Set.of(Flags.ANSWERED, Flags.FLAGGED, Flags.DRAFT, "$Label1"));
            box.removeFlags(List.of(uid), Set.of("Work", Flags.DRAFT));
            assertEquals(Set.of(Flags.SEEN, Flags.ANSWERED, Flags.FLAGGED, "$Label1"), Msgs.info(box, uid).flags());
        }
        try (Mailbox box = session(s.user()).open("INBOX")) {
            assertEquals(Set.of(Flags.SEEN, Flags.ANSWERED, Flags.FLAGGED, "$Label1"), Msgs.info(box, uid).flags());
            assertTrue(box.keywords().containsAll(List.of("Work", "$Label1")), "keywords stay defined: " + box.keywords());
            box.setFlags(List.of(uid), Set.of(Flags.DELETED, Flags.RECENT));
            assertEquals(Set.of(Flags.DELETED), Msgs.info(box, uid).flags(), "\\Recent cannot be stored");
            assertEquals(List.of(), box.setFlags(List.of(uid + 1000), Set.of(Flags.SEEN)), "missing UIDs are ignored");
        }
    }

    @Test
    default void flagsManyKeywords() throws Exception {
        try (Mailbox box = alice().open("INBOX")) {
            long uid = Msgs.add(box, "k");
            for (int i = 0; i < 20; i++) {
                box.addFlags(List.of(uid), Set.of("kw" + i));
            }
            Set<String> flags = Msgs.info(box, uid).flags();
            for (int i = 0; i < 20; i++) {
                assertTrue(flags.contains("kw" + i), "kw" + i + " in " + flags);
            }
        }
    }

    @Test
    default void flagsModSeqGrows() throws Exception {
        MailboxSession s = alice();
        try (Mailbox box = s.open("INBOX")) {
            long start = box.highestModSeq();
            assertTrue(start >= 1);
            long a = Msgs.add(box, "a");
            long b = Msgs.add(box, "b");
            MessageInfo ia = Msgs.info(box, a);
            assertTrue(ia.modSeq() >= 1);
            assertTrue(box.highestModSeq() >= Msgs.info(box, b).modSeq());
            long before = box.highestModSeq();
            MessageInfo changed = box.addFlags(List.of(a), Set.of(Flags.SEEN)).get(0);
            assertTrue(changed.modSeq() > before, "a flag change gets a new modseq");
            assertEquals(changed.modSeq(), box.highestModSeq());
            assertEquals(changed.modSeq(), Msgs.info(box, a).modSeq());
            MessageInfo same = box.addFlags(List.of(a), Set.of(Flags.SEEN)).get(0);
            assertEquals(changed.modSeq(), same.modSeq(), "no change, no new modseq");
            assertEquals(Msgs.info(box, b).modSeq(), Msgs.info(box, b).modSeq());
            long beforeExpunge = box.highestModSeq();
            box.addFlags(List.of(b), Set.of(Flags.DELETED));
            box.expunge();
            assertTrue(box.highestModSeq() > beforeExpunge, "expunge raises HIGHESTMODSEQ");
        }
        long highest;
        try (Mailbox box = session(s.user()).open("INBOX")) {
            highest = box.highestModSeq();
            assertTrue(highest >= 3);
            for (MessageInfo m : box.messages()) {
                assertTrue(m.modSeq() <= highest);
            }
        }
    }

    @Test
    default void flagsUnchangedSince() throws Exception {
        try (Mailbox box = alice().open("INBOX")) {
            long a = Msgs.add(box, "a");
            long b = Msgs.add(box, "b");
            box.addFlags(List.of(b), Set.of("x"));
            long ma = Msgs.info(box, a).modSeq();
            long mb = Msgs.info(box, b).modSeq();
            FlagUpdate r = box.updateFlags(List.of(a, b), FlagMode.ADD, Set.of(Flags.FLAGGED), Math.min(ma, mb));
            long ok = ma <= mb ? a : b;
            long refused = ma <= mb ? b : a;
            assertEquals(List.of(refused), r.refused());
            assertEquals(List.of(ok), Msgs.uids(r.updated()));
            assertTrue(Msgs.info(box, ok).has(Flags.FLAGGED));
            assertFalse(Msgs.info(box, refused).has(Flags.FLAGGED));
            FlagUpdate none = box.updateFlags(List.of(a, b), FlagMode.REPLACE, Set.of(), 0);
            assertEquals(List.of(a, b), none.refused(), "UNCHANGEDSINCE 0 refuses every message");
        }
    }

    @Test
    default void flagsRecentGoesToTheFirstSessionOnly() throws Exception {
        MailboxSession s1 = alice();
        MailboxSession s2 = session(s1.user());
        MailboxSession deliverer = session(s1.user());
        long uid;
        try (Mailbox d = deliverer.open("INBOX")) {
            uid = Msgs.add(d, "new mail");
        }
        try (Mailbox peek = s2.open("INBOX", true)) {
            assertTrue(Msgs.info(peek, uid).recent(), "a read-only handle sees unclaimed mail as recent");
            assertEquals(1, peek.status().recent());
        }
        try (Mailbox first = s1.open("INBOX"); Mailbox second = s2.open("INBOX")) {
            assertTrue(Msgs.info(first, uid).recent());
            assertTrue(Msgs.info(first, uid).imapFlags().contains(Flags.RECENT));
            assertTrue(Msgs.info(first, uid).recent(), "stays recent for its session");
            assertFalse(Msgs.info(second, uid).recent(), "only one session gets \\Recent");
            assertFalse(Msgs.info(first, uid).flags().contains(Flags.RECENT));
        }
    }

    @Test
    default void flagsReadOnlyHandleRefusesChanges() throws Exception {
        MailboxSession s = alice();
        long uid;
        try (Mailbox box = s.open("INBOX")) {
            uid = Msgs.add(box, "ro");
            box.addFlags(List.of(uid), Set.of(Flags.DELETED));
        }
        try (Mailbox ro = s.open("INBOX", true)) {
            assertTrue(ro.readOnly());
            assertEquals(StoreException.Reason.NOT_ALLOWED, failure(() -> ro.addFlags(List.of(uid), Set.of(Flags.SEEN))));
            assertEquals(StoreException.Reason.NOT_ALLOWED, failure(() -> ro.expunge()));
            assertEquals(StoreException.Reason.NOT_ALLOWED, failure(() -> Msgs.add(ro, "x")));
            assertEquals(1, ro.messages().size());
            assertEquals(1, Msgs.read(ro, uid).length > 0 ? 1 : 0);
        }
    }
}
