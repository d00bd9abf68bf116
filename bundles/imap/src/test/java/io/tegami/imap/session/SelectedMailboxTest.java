package io.tegami.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.store.CopyResult;
import io.tegami.api.store.FlagMode;
import io.tegami.api.store.FlagUpdate;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxListener;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.api.user.testing.FakeUserDirectory;
import io.tegami.imap.protocol.SequenceSet;
import io.tegami.store.maildir.MaildirStore;

/**
 * The snapshot SELECT takes, with other sessions changing the folder while it is taken: UIDNEXT
 * and HIGHESTMODSEQ never claim more than the client is told, so a client that resynchronizes
 * from them later misses nothing.
 */
class SelectedMailboxTest {

    @TempDir
    Path dir;

    static final byte[] MSG = "Subject: s\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void changesDuringTheSnapshotAreNeverCoveredByWhatSelectReports() throws Exception {
        MapMailParameters params = MapMailParameters.of(dir, "mail_location", "maildir:~/Maildir");
        FakeUserDirectory users = new FakeUserDirectory().homes(dir.resolve("home")).password("alice", "secret");
        MaildirStore store = new MaildirStore(params);
        try (MailboxSession s = store.open(users.user("alice")); Mailbox other = s.open("INBOX")) {
            for (int i = 0; i < 3; i++) {
                other.append(new ByteArrayInputStream(MSG), Set.of(), null);
            }
            // Between reading HIGHESTMODSEQ and listing the messages, another session flags UID 2
            // and delivers a message; the snapshot may or may not include them.
            Mailbox racing = new Racing(s.open("INBOX"), () -> {
                other.addFlags(List.of(2L), Set.of("\\Flagged"));
                other.append(new ByteArrayInputStream(MSG), Set.of(), null);
            });
            SelectedMailbox selected = SelectedMailbox.open(racing, "INBOX");
            long flagged = selected.info(2).modSeq();
            assertTrue(selected.highestModSeqAtOpen() < flagged,
                    "a client that keeps HIGHESTMODSEQ is told of the flag change again");
            assertTrue(selected.uidNext() <= 5);
            assertEquals(List.of(), selected.missing(SequenceSet.parse("1:4").resolve(4)),
                    "the new message is in the snapshot or above UIDNEXT, never vanished");
            selected.close();
        }
    }

    /** A handle that runs {@code race} once, right before its first listing. */
    private static final class Racing implements Mailbox {
        interface Race {
            void run() throws StoreException;
        }

        private final Mailbox m;
        private Race race;

        Racing(Mailbox m, Race race) {
            this.m = m;
            this.race = race;
        }

        @Override
        public List<MessageInfo> messages() throws StoreException {
            if (race != null) {
                Race r = race;
                race = null;
                r.run();
            }
            return m.messages();
        }

        @Override public String name() { return m.name(); }
        @Override public boolean readOnly() { return m.readOnly(); }
        @Override public long uidValidity() throws StoreException { return m.uidValidity(); }
        @Override public long uidNext() throws StoreException { return m.uidNext(); }
        @Override public long highestModSeq() throws StoreException { return m.highestModSeq(); }
        @Override public long append(InputStream c, Set<String> f, Instant d) throws StoreException { return m.append(c, f, d); }
        @Override public List<String> keywords() throws StoreException { return m.keywords(); }
        @Override public InputStream openMessage(long uid) throws StoreException { return m.openMessage(uid); }
        @Override public FlagUpdate updateFlags(Collection<Long> u, FlagMode mode, Set<String> f, long since) throws StoreException {
            return m.updateFlags(u, mode, f, since);
        }
        @Override public List<Long> expunge() throws StoreException { return m.expunge(); }
        @Override public List<Long> expunge(Collection<Long> uids) throws StoreException { return m.expunge(uids); }
        @Override public CopyResult copy(Collection<Long> uids, Mailbox t) throws StoreException { return m.copy(uids, t); }
        @Override public CopyResult move(Collection<Long> uids, Mailbox t) throws StoreException { return m.move(uids, t); }
        @Override public void refresh() throws StoreException { m.refresh(); }
        @Override public void addListener(MailboxListener l) { m.addListener(l); }
        @Override public void removeListener(MailboxListener l) { m.removeListener(l); }
        @Override public void close() { m.close(); }
    }
}
