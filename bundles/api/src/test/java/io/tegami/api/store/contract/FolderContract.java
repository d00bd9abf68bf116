package io.tegami.api.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static io.tegami.api.store.contract.Expect.failure;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxAttributes;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;
import org.junit.jupiter.api.Test;

/** The folder tree: INBOX, create, delete, rename, attributes, subscriptions, Unicode names. */
public interface FolderContract extends StoreFixture {

    private static Optional<MailboxInfo> entry(MailboxSession s, String name) throws StoreException {
        return s.list().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Test
    default void folderInboxExistsFirstAndMatchesWithoutCase() throws Exception {
        MailboxSession s = alice();
        List<MailboxInfo> list = s.list();
        assertEquals(MailboxSession.INBOX, list.get(0).name());
        assertTrue(list.get(0).selectable());
        try (Mailbox box = s.open("inBox")) {
            assertEquals("INBOX", box.name());
        }
        assertTrue(s.delimiter() == '.' || s.delimiter() == '/', "delimiter " + s.delimiter());
    }

    @Test
    default void folderCreateListOpenDelete() throws Exception {
        MailboxSession s = alice();
        s.create("Work");
        MailboxInfo work = entry(s, "Work").orElseThrow();
        assertTrue(work.selectable());
        assertTrue(work.attributes().contains(MailboxAttributes.HAS_NO_CHILDREN), work.toString());
        try (Mailbox box = s.open("Work")) {
            Msgs.add(box, "hello");
        }
        s.delete("Work");
        assertTrue(entry(s, "Work").isEmpty());
        assertEquals(StoreException.Reason.NOT_FOUND, failure(() -> s.open("Work")));
        s.create("Work");
        try (Mailbox box = s.open("Work")) {
            assertEquals(0, box.messages().size(), "a re-created folder starts empty");
        }
    }

    @Test
    default void folderCreateNestedMakesParentsWithChildInfo() throws Exception {
        MailboxSession s = alice();
        char d = s.delimiter();
        s.create("A" + d + "B" + d + "C");
        MailboxInfo a = entry(s, "A").orElseThrow(() -> new AssertionError("parent A missing: " + safeList(s)));
        MailboxInfo ab = entry(s, "A" + d + "B").orElseThrow();
        MailboxInfo abc = entry(s, "A" + d + "B" + d + "C").orElseThrow();
        assertTrue(a.attributes().contains(MailboxAttributes.HAS_CHILDREN), a.toString());
        assertTrue(ab.attributes().contains(MailboxAttributes.HAS_CHILDREN), ab.toString());
        assertTrue(abc.attributes().contains(MailboxAttributes.HAS_NO_CHILDREN), abc.toString());
        assertTrue(abc.selectable());
        List<String> names = s.list().stream().map(MailboxInfo::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), "no duplicates: " + names);
    }

    private static String safeList(MailboxSession s) {
        try {
            return s.list().toString();
        } catch (StoreException e) {
            return e.toString();
        }
    }

    @Test
    default void folderCreateExistingFails() throws Exception {
        MailboxSession s = alice();
        s.create("Work");
        assertEquals(StoreException.Reason.ALREADY_EXISTS, failure(() -> s.create("Work")));
        assertEquals(StoreException.Reason.ALREADY_EXISTS, failure(() -> s.create("INBOX")));
        assertEquals(StoreException.Reason.ALREADY_EXISTS, failure(() -> s.create("inbox")));
    }

    @Test
    default void folderDeleteRules() throws Exception {
        MailboxSession s = alice();
        assertEquals(StoreException.Reason.NOT_ALLOWED, failure(() -> s.delete("INBOX")));
        assertEquals(StoreException.Reason.NOT_ALLOWED, failure(() -> s.delete("Inbox")));
        assertEquals(StoreException.Reason.NOT_FOUND, failure(() -> s.delete("Nope")));
        assertEquals(StoreException.Reason.NOT_FOUND, failure(() -> s.open("Nope")));
    }

    @Test
    default void folderDeleteParentKeepsChildren() throws Exception {
        MailboxSession s = alice();
        char d = s.delimiter();
        String child = "P" + d + "Child";
        s.create(child);
        try (Mailbox box = s.open(child)) {
            Msgs.add(box, "kept");
        }
        // RFC 3501: deleting a parent leaves it \Noselect; a store that cannot hold mail in a
        // parent (mbox) refuses instead. Either way the child survives, and a \Noselect parent
        // with children cannot be deleted.
        try {
            s.delete("P");
            MailboxInfo p = entry(s, "P").orElseThrow(() -> new AssertionError("P vanished: " + safeList(s)));
            assertFalse(p.selectable(), p.toString());
            assertTrue(p.attributes().contains(MailboxAttributes.HAS_CHILDREN), p.toString());
            assertEquals(StoreException.Reason.NOT_FOUND, failure(() -> s.open("P")));
        } catch (StoreException e) {
            assertEquals(StoreException.Reason.NOT_ALLOWED, e.reason());
        }
        if (!entry(s, "P").orElseThrow().selectable()) {
            assertEquals(StoreException.Reason.NOT_ALLOWED, failure(() -> s.delete("P")));
        }
        try (Mailbox box = s.open(child)) {
            assertEquals(1, box.messages().size());
        }
    }

    @Test
    default void folderRenameKeepsMessagesUidsAndChildren() throws Exception {
        MailboxSession s = alice();
        char d = s.delimiter();
        // Where parents cannot hold mail (mbox) the mail is in a second child instead.
        String holder = foldersHoldMailAndChildren() ? "Old" : "Old" + d + "Mail";
        String newHolder = foldersHoldMailAndChildren() ? "New" : "New" + d + "Mail";
        s.create("Old" + d + "Sub");
        if (!holder.equals("Old") || s.list().stream().noneMatch(i -> i.name().equals("Old") && i.selectable())) {
            s.create(holder);
        }
        long validity;
        List<Long> uids;
        try (Mailbox box = s.open(holder)) {
            Msgs.add(box, "one");
            Msgs.add(box, "two");
            validity = box.uidValidity();
            uids = Msgs.uids(box);
        }
        try (Mailbox sub = s.open("Old" + d + "Sub")) {
            Msgs.add(sub, "three");
        }
        s.rename("Old", "New");
        assertTrue(entry(s, "Old").isEmpty(), safeList(s));
        assertTrue(entry(s, "Old" + d + "Sub").isEmpty(), safeList(s));
        try (Mailbox box = s.open(newHolder)) {
            assertEquals(validity, box.uidValidity());
            assertEquals(uids, Msgs.uids(box));
        }
        try (Mailbox sub = s.open("New" + d + "Sub")) {
            assertEquals(1, sub.messages().size());
        }
        assertEquals(StoreException.Reason.NOT_FOUND, failure(() -> s.open(holder)));
    }

    @Test
    default void folderRenameInboxMovesItsMessages() throws Exception {
        MailboxSession s = alice();
        try (Mailbox inbox = s.open("INBOX")) {
            Msgs.add(inbox, "one");
            Msgs.add(inbox, "two");
        }
        s.rename("INBOX", "Saved");
        try (Mailbox saved = s.open("Saved"); Mailbox inbox = s.open("INBOX")) {
            assertEquals(2, saved.messages().size());
            assertEquals(0, inbox.messages().size());
            Msgs.add(inbox, "three");
            assertEquals(1, inbox.messages().size());
        }
    }

    @Test
    default void folderRenameRules() throws Exception {
        MailboxSession s = alice();
        char d = s.delimiter();
        s.create("A");
        s.create("B");
        assertEquals(StoreException.Reason.ALREADY_EXISTS, failure(() -> s.rename("A", "B")));
        assertEquals(StoreException.Reason.ALREADY_EXISTS, failure(() -> s.rename("A", "inbox")));
        assertEquals(StoreException.Reason.NOT_FOUND, failure(() -> s.rename("Nope", "C")));
        assertEquals(StoreException.Reason.NOT_ALLOWED, failure(() -> s.rename("A", "A" + d + "Below")));
        assertTrue(entry(s, "A").isPresent());
    }

    @Test
    default void folderSubscriptions() throws Exception {
        MailboxSession s = alice();
        s.create("Work");
        s.subscribe("Work");
        s.subscribe("Work");
        s.subscribe("NotThereYet");
        s.subscribe("inbox");
        assertEquals(List.of("INBOX", "NotThereYet", "Work"), s.subscriptions());
        s.unsubscribe("NotThereYet");
        s.unsubscribe("Never");
        assertEquals(List.of("INBOX", "Work"), s.subscriptions());
        MailboxSession again = session(s.user());
        assertEquals(List.of("INBOX", "Work"), again.subscriptions(), "subscriptions are stored");
        again.delete("Work");
        assertEquals(List.of("INBOX", "Work"), again.subscriptions(), "DELETE leaves subscriptions alone");
    }

    @Test
    default void folderSpecialUseByName() throws Exception {
        MailboxSession s = alice();
        for (String n : List.of("Sent", "Drafts", "Trash", "Junk", "Archive", "Work")) {
            s.create(n);
        }
        assertEquals(MailboxAttributes.SENT, entry(s, "Sent").orElseThrow().specialUse());
        assertEquals(MailboxAttributes.DRAFTS, entry(s, "Drafts").orElseThrow().specialUse());
        assertEquals(MailboxAttributes.TRASH, entry(s, "Trash").orElseThrow().specialUse());
        assertEquals(MailboxAttributes.JUNK, entry(s, "Junk").orElseThrow().specialUse());
        assertEquals(MailboxAttributes.ARCHIVE, entry(s, "Archive").orElseThrow().specialUse());
        assertEquals(null, entry(s, "Work").orElseThrow().specialUse());
        assertEquals(null, entry(s, "INBOX").orElseThrow().specialUse());
    }

    @Test
    default void folderUnicodeNamesRoundTrip() throws Exception {
        MailboxSession s = alice();
        List<String> names = List.of("Entwürfe", "日本語", "R&D", "Ünïcödé & more", "emoji \uD83D\uDCE7");
        for (String n : names) {
            s.create(n);
            try (Mailbox box = s.open(n)) {
                assertEquals(n, box.name());
                Msgs.add(box, n);
            }
        }
        MailboxSession again = session(s.user());
        for (String n : names) {
            assertTrue(entry(again, n).isPresent(), n + " in " + safeList(again));
            try (Mailbox box = again.open(n)) {
                assertEquals(1, box.messages().size());
            }
        }
        again.rename("日本語", "日本語2");
        assertTrue(entry(again, "日本語2").isPresent());
    }

    @Test
    default void folderTreeIsPerUser() throws Exception {
        MailboxSession a = alice();
        MailboxSession b = session(user("bob"));
        a.create("AliceOnly");
        try (Mailbox box = a.open("INBOX")) {
            Msgs.add(box, "for alice");
        }
        assertTrue(entry(b, "AliceOnly").isEmpty());
        try (Mailbox box = b.open("INBOX")) {
            assertEquals(0, box.messages().size());
        }
    }
}
