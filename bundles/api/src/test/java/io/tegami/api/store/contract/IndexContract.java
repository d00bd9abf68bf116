package io.tegami.api.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import org.junit.jupiter.api.Test;

/**
 * What a store keeps of a folder between sessions (an index in memory or on disk) never hides a
 * change: a folder reopened at once, or opened again and again while another program adds mail
 * in the same instant, shows exactly what is on disk; flags and UIDs survive reopening.
 */
public interface IndexContract extends StoreFixture {

    @Test
    default void indexReopenedFolderShowsWhatOtherSessionsDid() throws Exception {
        MailboxSession s = alice();
        long a;
        try (Mailbox box = s.open("INBOX")) {
            a = Msgs.add(box, "a");
            Msgs.add(box, "b");
            box.messages();
        }
        try (Mailbox other = session(s.user()).open("INBOX")) {
            other.addFlags(List.of(a), Set.of(Flags.FLAGGED));
            Msgs.add(other, "c");
        }
        try (Mailbox box = s.open("INBOX")) {
            List<MessageInfo> list = box.messages();
            assertEquals(3, list.size(), list.toString());
            assertEquals(Set.of(Flags.FLAGGED), list.get(0).flags());
            assertEquals(list.get(2).uid() + 1, box.uidNext());
        }
    }

    @Test
    default void indexNeverMissesAChangeMadeInTheSameInstant() throws Exception {
        MailboxSession s = alice();
        assumeTrue(addExternally(s.user(), "INBOX", Msgs.message("first", "x")), "no external additions");
        for (int i = 1; i <= 25; i++) {
            try (Mailbox box = session(s.user()).open("INBOX")) {
                assertEquals(i, box.messages().size(), "round " + i);
                assertTrue(box.uidNext() > box.messages().get(i - 1).uid());
            }
            // right after the read, as fast as the disk allows: a timestamp may not move
            addExternally(s.user(), "INBOX", Msgs.message("next " + i, "x"));
        }
        try (Mailbox box = s.open("INBOX")) {
            List<MessageInfo> list = box.messages();
            assertEquals(26, list.size());
            for (int i = 1; i < list.size(); i++) {
                assertTrue(list.get(i - 1).uid() < list.get(i).uid());
            }
        }
    }

    @Test
    default void indexAHandleKeptOpenSeesExternalAdditionsOnRefresh() throws Exception {
        MailboxSession s = alice();
        try (Mailbox box = s.open("INBOX")) {
            Msgs.add(box, "mine");
            RecordingListener l = new RecordingListener();
            box.addListener(l);
            assertEquals(1, box.messages().size());
            assumeTrue(addExternally(s.user(), "INBOX", Msgs.message("theirs", "x")), "no external additions");
            box.refresh();
            assertTrue(l.await(() -> l.addedUids().size() == 1), "refresh() finds the new file");
            assertEquals(2, box.messages().size());
            assertEquals(2, box.status().messages());
        }
    }

    @Test
    default void indexManyFoldersOpenedAndClosedStayCorrect() throws Exception {
        MailboxSession s = alice();
        for (int f = 0; f < 12; f++) {
            s.create("F" + f);
            try (Mailbox box = s.open("F" + f)) {
                for (int i = 0; i <= f; i++) {
                    Msgs.add(box, "m" + i);
                }
            }
        }
        for (int round = 0; round < 3; round++) {
            for (int f = 0; f < 12; f++) {
                try (Mailbox box = session(s.user()).open("F" + f)) {
                    assertEquals(f + 1, box.messages().size(), "F" + f);
                }
            }
        }
    }
}
