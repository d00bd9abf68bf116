package io.tegami.api.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import org.junit.jupiter.api.Test;

/** A damaged index is rebuilt with a new UIDVALIDITY, never reported as a failure; no mail is lost. */
public interface RecoveryContract extends StoreFixture {

    @Test
    default void recoveryFromADamagedIndex() throws Exception {
        MailboxSession s = alice();
        long validity;
        try (Mailbox box = s.open("INBOX")) {
            Msgs.append(box, Msgs.message("one", "first"), Flags.SEEN);
            Msgs.add(box, "two");
            Msgs.add(box, "three");
            validity = box.uidValidity();
        }
        Mailbox open = s.open("INBOX");
        RecordingListener l = new RecordingListener();
        open.addListener(l);
        open.messages();
        assumeTrue(damageIndex(s.user(), "INBOX"), "the store keeps no index");
        try (Mailbox box = session(s.user()).open("INBOX")) {
            List<MessageInfo> after = box.messages();
            assertEquals(3, after.size(), "no message lost: " + after);
            assertNotEquals(validity, box.uidValidity(), "a rebuilt index gets a new UIDVALIDITY");
            for (int i = 1; i < after.size(); i++) {
                assertTrue(after.get(i - 1).uid() < after.get(i).uid());
            }
            assertTrue(after.stream().anyMatch(m -> m.flags().equals(Set.of(Flags.SEEN))), "flags survive: " + after);
            long uid = Msgs.add(box, "four");
            assertTrue(uid > after.get(2).uid());
        }
        try {
            open.refresh();
        } catch (Exception e) {
            // failing the old handle is allowed too
        }
        assertTrue(l.await(l::wasClosed), "handles opened before the rebuild are closed");
        open.close();
    }
}
