package io.tegami.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small helpers of the store API: modified UTF-7, name rules, special use, flags. */
class StoreHelpersTest {

    @Test
    void modifiedUtf7MatchesRfc3501() {
        assertEquals("~peter/mail/&U,BTFw-/&ZeVnLIqe-", ModifiedUtf7.encode("~peter/mail/台北/日本語"));
        assertEquals("~peter/mail/台北/日本語", ModifiedUtf7.decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-"));
        assertEquals("R&-D", ModifiedUtf7.encode("R&D"));
        assertEquals("R&D", ModifiedUtf7.decode("R&-D"));
        assertEquals("Entw&APw-rfe", ModifiedUtf7.encode("Entwürfe"));
        assertEquals("plain ascii", ModifiedUtf7.encode("plain ascii"));
        String emoji = "mail \uD83D\uDCE7 box";
        assertEquals(emoji, ModifiedUtf7.decode(ModifiedUtf7.encode(emoji)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&Jjo", "&AGE-", "ü", "a\tb", "&A-", "&2D0-", "&AGEAYg=-"})
    void badModifiedUtf7IsRefused(String bad) {
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode(bad));
    }

    @Test
    void namesAreNormalized() throws StoreException {
        assertEquals("INBOX", MailboxNames.normalize("inbox", '.'));
        assertEquals("INBOX.Sent", MailboxNames.normalize("Inbox.Sent", '.'));
        assertEquals("INBOX/Sent", MailboxNames.normalize("iNbOx/Sent", '/'));
        assertEquals("INBOXES", MailboxNames.normalize("INBOXES", '.'));
        assertEquals("a..b", MailboxNames.normalize("a..b", '/'), "dots are fine inside a level with '/'");
        assertEquals(List.of("a", "a.b"), MailboxNames.parents("a.b.c", '.'));
        assertTrue(MailboxNames.isInbox("INBOX"));
        assertFalse(MailboxNames.isInbox("inbox"), "only normalized names are compared");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "../x", "a/../b", "~", "~root", "a\0b", "a\nb", "x\u0085", "a\\b", "a*", "a%",
        "/abs", "a/", "a//b", "\uD800x"})
    void badNamesAreRefused(String bad) {
        StoreException e = assertThrows(StoreException.class, () -> MailboxNames.normalize(bad, '/'));
        assertEquals(StoreException.Reason.INVALID_NAME, e.reason());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\0"), "no control bytes echoed");
    }

    @Test
    void longNamesAreRefused() throws StoreException {
        MailboxNames.normalize("x".repeat(MailboxNames.MAX_LEVEL_LENGTH), '.');
        assertThrows(StoreException.class, () -> MailboxNames.normalize("x".repeat(MailboxNames.MAX_LEVEL_LENGTH + 1), '.'));
        String deep = ("x".repeat(100) + "/").repeat(6);
        assertThrows(StoreException.class, () -> MailboxNames.normalize(deep.substring(0, deep.length() - 1), '/'));
    }

    @Test
    void specialUseByNameOrConfiguration() {
        Map<String, String> none = Map.of();
        assertEquals(MailboxAttributes.SENT, MailboxAttributes.specialUse("Sent", '.', none));
        assertEquals(MailboxAttributes.SENT, MailboxAttributes.specialUse("sent items", '.', none));
        assertEquals(MailboxAttributes.TRASH, MailboxAttributes.specialUse("INBOX.Trash", '.', none));
        assertEquals(MailboxAttributes.JUNK, MailboxAttributes.specialUse("Spam", '/', none));
        assertNull(MailboxAttributes.specialUse("Work.Sent", '.', none));
        assertNull(MailboxAttributes.specialUse("INBOX", '.', none));
        Map<String, String> conf = MailboxAttributes.parseSpecialUse("Gesendet=\\Sent, Papierkorb = \\trash, bogus, X=\\Nope");
        assertEquals(Map.of("Gesendet", MailboxAttributes.SENT, "Papierkorb", MailboxAttributes.TRASH), conf);
        assertEquals(MailboxAttributes.SENT, MailboxAttributes.specialUse("Gesendet", '.', conf));
        assertNull(MailboxAttributes.specialUse("Sent", '.', conf), "configuration replaces the usual names");
        assertTrue(MailboxAttributes.parseSpecialUse(null).isEmpty());
    }

    @Test
    void flagsHelpers() {
        assertEquals(Flags.SEEN, Flags.normalize("\\SEEN"));
        assertEquals(Flags.RECENT, Flags.normalize("\\recent"));
        assertEquals("$Forwarded", Flags.normalize("$Forwarded"));
        assertTrue(Flags.isSystem("\\deleted"));
        assertFalse(Flags.isSystem("\\Recent"));
        assertTrue(Flags.isValidKeyword("$Label1"));
        assertFalse(Flags.isValidKeyword("has space"));
        assertFalse(Flags.isValidKeyword("brace{"));
        assertFalse(Flags.isValidKeyword("\\Seen"));
        assertEquals(Set.of(Flags.SEEN, "Work"), Flags.storable(Set.of("\\seen", "\\Recent", "\\Unknown", "Work", "bad word")));
        assertEquals(Set.of("Work"), Flags.keywords(Set.of(Flags.SEEN, "Work")));
    }

    @Test
    void messageInfoAndStatus() {
        MessageInfo m = new MessageInfo(3, 10, 12, Instant.EPOCH, Set.of(Flags.SEEN), 5, true);
        assertTrue(m.has("\\seen"));
        assertTrue(m.has(Flags.RECENT));
        assertEquals(Set.of(Flags.SEEN, Flags.RECENT), m.imapFlags());
        assertEquals(Set.of(Flags.SEEN), m.withRecent(false).imapFlags());
        assertEquals(7, m.withFlags(Set.of(), 7).modSeq());
        MailboxStatus st = MailboxStatus.of(List.of(m, new MessageInfo(4, 1, 2, Instant.EPOCH, Set.of(), 6, false)), 5, 9, 6);
        assertEquals(new MailboxStatus(2, 1, 1, 5, 9, 6, 14), st);
        assertThrows(IllegalArgumentException.class, () -> new MessageInfo(0, 1, 1, Instant.EPOCH, Set.of(), 1, false));
        MailboxInfo info = new MailboxInfo("Sent", Set.of(MailboxAttributes.SENT, MailboxAttributes.HAS_NO_CHILDREN));
        assertEquals(MailboxAttributes.SENT, info.specialUse());
        assertTrue(info.selectable());
    }
}
