package io.tegami.store.mbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.tegami.api.store.Flags;
import org.junit.jupiter.api.Test;

class MboxSyncTest {

    private static ScannedMessage msg(String imapBase, String xUid, String status, String xStatus, String keywords) {
        ScannedMessage.Meta meta = new ScannedMessage.Meta(imapBase, false, imapBase == null ? -1 : 100, xUid, status,
                xStatus, keywords, -1, false);
        return new ScannedMessage(0, 0, 0, 0, 0, "a@b", Instant.EPOCH, meta, List.of(), 0, 0, true);
    }

    private static List<Long> uids(MboxState s) {
        return s.messages().stream().map(MboxMessage::uid).toList();
    }

    @Test
    void trustsDovecotHeaders() {
        MboxState s = MboxSync.resolve(List.of(
                msg("1700000000 0000000009 Work $Label1", "3", "RO", "AF", "Work Unlisted"),
                msg(null, "5", "", null, null),
                msg(null, "10", null, "D", null)), null, () -> 42);
        assertEquals(1700000000L, s.uidValidity());
        assertEquals(List.of(3L, 5L, 10L), uids(s), "X-UID equal to the next UID is taken");
        assertEquals(11, s.uidNext());
        assertEquals(Set.of(Flags.SEEN, Flags.ANSWERED, Flags.FLAGGED, "Work"), s.messages().get(0).flags(),
                "only keywords listed in X-IMAPbase count");
        assertTrue(s.messages().get(0).old());
        assertFalse(s.messages().get(1).old());
        assertEquals(Set.of(Flags.DELETED), s.messages().get(2).flags());
        assertFalse(s.needsRewrite());
        assertNull(s.damage());
    }

    @Test
    void untrustedUidsAreRenumbered() {
        MboxState s = MboxSync.resolve(List.of(
                msg("1700000000 0000000002", "1", null, null, null),
                msg(null, "999999", null, null, null), // a sender's fake: above the next UID
                msg(null, "1", null, null, null),      // not ascending
                msg(null, null, null, null, null)),    // appended by Postfix
                null, () -> 42);
        assertEquals(List.of(1L, 3L, 4L, 5L), uids(s));
        assertTrue(s.needsRewrite());
    }

    @Test
    void damagedImapBaseGetsNewValidity() {
        MboxState s = MboxSync.resolve(List.of(
                msg("garbage", "1", "R", null, null),
                msg(null, "2", null, null, null)),
                new MboxSync.Previous(1700000000, 3, List.of(), true), () -> 1800000000);
        assertEquals(1800000000L, s.uidValidity());
        assertEquals(List.of(1L, 2L), uids(s));
        assertNotNull(s.damage());
        assertTrue(s.needsRewrite());
        assertEquals(Set.of(Flags.SEEN), s.messages().get(0).flags(), "flags survive a rebuild");
    }

    @Test
    void lostImapBaseKeepsWhatWeKnewOfTheSameFile() {
        // mutt deleted the first message, and X-IMAPbase with it.
        List<ScannedMessage> left = List.of(msg(null, "4", null, null, null), msg(null, "5", null, null, null));
        MboxState same = MboxSync.resolve(left, new MboxSync.Previous(1700000000, 6, List.of("Work"), true), () -> 42);
        assertEquals(1700000000L, same.uidValidity());
        assertEquals(6, same.uidNext());
        assertTrue(same.needsRewrite());
        MboxState other = MboxSync.resolve(left, new MboxSync.Previous(1700000000, 6, List.of(), false), () -> 42);
        assertEquals(42, other.uidValidity(), "another file: nothing carried over");
        assertEquals(List.of(1L, 2L), uids(other));
    }

    @Test
    void emptyFileKeepsKnownValidity() {
        assertEquals(7, MboxSync.resolve(List.of(), new MboxSync.Previous(7, 9, List.of(), true), () -> 42).uidValidity());
        assertEquals(9, MboxSync.resolve(List.of(), new MboxSync.Previous(7, 9, List.of(), true), () -> 42).uidNext());
        assertEquals(42, MboxSync.resolve(List.of(), null, () -> 42).uidValidity());
    }

    @Test
    void imapBaseFormatRoundTrip() {
        MboxHeaders.ImapBase b = new MboxHeaders.ImapBase(1700000000, 12, List.of("a", "$b"));
        assertEquals("1700000000 0000000012 a $b", b.format());
        assertEquals(b, MboxHeaders.ImapBase.parse(b.format()));
        assertNull(MboxHeaders.ImapBase.parse("0 0000000001"));
        assertNull(MboxHeaders.ImapBase.parse("x 1"));
        assertNull(MboxHeaders.ImapBase.parse("17"));
    }
}
