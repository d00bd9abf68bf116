package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE, DELETE, RENAME (INBOX too), SUBSCRIBE, LIST and LSUB with {@code %} and {@code *},
 * LIST-EXTENDED, LIST-STATUS, STATUS, NAMESPACE, modified UTF-7, and the special-use folders
 * created for new users. Maildir++ uses {@code .} as the delimiter.
 */
class MailboxCommandsTest {

    @TempDir
    Path dir;
    ImapHarness server;
    ImapClient c;

    @BeforeEach
    void start() {
        server = new ImapHarness(dir);
        c = server.alice();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void newUsersGetSpecialUseFolders() {
        assertEquals("* LIST (\\HasNoChildren) \".\" INBOX\r\n"
                + "* LIST (\\HasNoChildren \\Drafts) \".\" Drafts\r\n"
                + "* LIST (\\HasNoChildren \\Junk) \".\" Junk\r\n"
                + "* LIST (\\HasNoChildren \\Sent) \".\" Sent\r\n"
                + "* LIST (\\HasNoChildren \\Trash) \".\" Trash\r\n"
                + "a OK List completed.\r\n", c.command("a LIST \"\" *"));
        assertEquals("* LSUB () \".\" Drafts\r\n* LSUB () \".\" Junk\r\n* LSUB () \".\" Sent\r\n* LSUB () \".\" Trash\r\n"
                + "b OK Lsub completed.\r\n", c.command("b LSUB \"\" *"));
        assertEquals("* LIST (\\HasNoChildren \\Sent) \".\" Sent\r\nc OK List completed.\r\n",
                c.command("c LIST (SPECIAL-USE) \"\" *").replaceAll("\\* LIST \\(\\\\HasNoChildren \\\\(Drafts|Junk|Trash)\\) \"\\.\" \\w+\r\n", ""));
    }

    @Test
    void delimiterAndNamespace() {
        assertEquals("* LIST (\\Noselect) \".\" \"\"\r\na OK List completed.\r\n", c.command("a LIST \"\" \"\""));
        assertEquals("* NAMESPACE ((\"\" \".\")) NIL NIL\r\nb OK Namespace completed.\r\n", c.command("b NAMESPACE"));
    }

    @Test
    void createDeleteAndHierarchyWildcards() {
        c.expectOk("a CREATE Work.Projects.");
        assertEquals("c NO [ALREADYEXISTS] Mailbox already exists\r\n", c.command("c CREATE Work"));
        assertEquals("d NO [ALREADYEXISTS] Mailbox already exists\r\n", c.command("d CREATE inbox"));
        assertEquals("* LIST (\\HasChildren) \".\" Work\r\ne OK List completed.\r\n", c.command("e LIST \"\" W%"));
        assertEquals("* LIST (\\HasNoChildren) \".\" Work.Projects\r\nf OK List completed.\r\n", c.command("f LIST Work. %"));
        assertEquals("* LIST (\\HasChildren) \".\" Work\r\n* LIST (\\HasNoChildren) \".\" Work.Projects\r\ng OK List completed.\r\n",
                c.command("g LIST \"\" Work*"));
        assertEquals("* LIST (\\HasNoChildren) \".\" INBOX\r\nh OK List completed.\r\n", c.command("h LIST \"\" iNbOx"));
        c.expectOk("i DELETE Work.Projects");
        assertEquals("j NO [NONEXISTENT] Mailbox doesn't exist: Nope\r\n", c.command("j DELETE Nope"));
        assertEquals("k NO [CANNOT] INBOX can't be deleted.\r\n", c.command("k DELETE INBOX"));
        assertTrue(c.command("l CREATE \"bad*name\"").startsWith("l NO [CANNOT]"));
    }

    @Test
    void lsubListsUnsubscribedParentsAsNoselectForPercent() {
        c.expectOk("a CREATE News.comp.mail");
        c.expectOk("b SUBSCRIBE News.comp.mail");
        assertEquals("* LSUB (\\Noselect) \".\" News\r\nc OK Lsub completed.\r\n", c.command("c LSUB \"\" N%"));
        assertEquals("* LSUB () \".\" News.comp.mail\r\nd OK Lsub completed.\r\n", c.command("d LSUB \"\" News*"));
        c.expectOk("e UNSUBSCRIBE News.comp.mail");
        assertEquals("f OK Lsub completed.\r\n", c.command("f LSUB \"\" News*"));
    }

    @Test
    void listExtendedSubscribedAndRecursiveMatch() {
        c.expectOk("a CREATE Foo.Bar");
        c.expectOk("b SUBSCRIBE Foo.Bar");
        c.expectOk("b2 SUBSCRIBE Gone");
        assertEquals("* LIST (\\HasNoChildren \\Subscribed) \".\" Foo.Bar\r\n* LIST (\\NonExistent \\Subscribed) \".\" Gone\r\n"
                + "c OK List completed.\r\n", c.command("c LIST (SUBSCRIBED) \"\" \"*\"").replaceAll(
                        "\\* LIST \\(\\\\HasNoChildren \\\\Subscribed \\\\(Drafts|Junk|Sent|Trash)\\) \"\\.\" \\w+\r\n", ""));
        assertEquals("* LIST (\\HasChildren) \".\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\nd OK List completed.\r\n",
                c.command("d LIST (SUBSCRIBED RECURSIVEMATCH) \"\" Foo"));
        assertEquals("* LIST (\\HasChildren) \".\" Foo\r\n* LIST (\\HasNoChildren \\Subscribed) \".\" Foo.Bar\r\n"
                + "e OK List completed.\r\n", c.command("e LIST \"\" (Foo Foo.*) RETURN (SUBSCRIBED CHILDREN)"));
        assertTrue(c.command("f LIST (RECURSIVEMATCH) \"\" *").startsWith("f BAD"));
    }

    @Test
    void listStatus() {
        c.send("a APPEND Sent {20+}\r\nSubject: x\r\n\r\nhello!\r\n");
        assertEquals("* LIST (\\HasNoChildren \\Sent) \".\" Sent\r\n* STATUS Sent (MESSAGES 1 UNSEEN 1)\r\n"
                + "b OK List completed.\r\n", c.command("b LIST \"\" Sent RETURN (STATUS (MESSAGES UNSEEN))"));
    }

    @Test
    void statusOfAMailbox() {
        c.send("a APPEND INBOX (\\Seen) {20+}\r\nSubject: x\r\n\r\nhello!\r\n");
        c.send("b APPEND INBOX {20+}\r\nSubject: y\r\n\r\nhello!\r\n");
        String status = c.command("c STATUS inbox (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN SIZE HIGHESTMODSEQ)");
        assertTrue(status.matches("\\* STATUS INBOX \\(MESSAGES 2 RECENT \\d UIDNEXT 3 UIDVALIDITY \\d+ UNSEEN 1 SIZE 40 "
                + "HIGHESTMODSEQ \\d+\\)\r\nc OK Status completed.\r\n"), status);
        assertEquals("d NO [NONEXISTENT] Mailbox doesn't exist: Nope\r\n", c.command("d STATUS Nope (MESSAGES)"));
        assertTrue(c.command("e STATUS INBOX (FOO)").startsWith("e BAD"));
        assertTrue(c.command("f STATUS INBOX ()").startsWith("f BAD"));
        assertEquals("* STATUS INBOX (APPENDLIMIT 10240000)\r\ng OK Status completed.\r\n", c.command("g STATUS INBOX (APPENDLIMIT)"));
    }

    @Test
    void modifiedUtf7NamesRoundTrip() {
        c.expectOk("a CREATE \"&ZeVnLIqe-\"");
        c.expectOk("b CREATE \"Tom &- Jerry\"");
        String list = c.command("c LIST \"\" *");
        assertTrue(list.contains("* LIST (\\HasNoChildren) \".\" &ZeVnLIqe-\r\n"), list);
        assertTrue(list.contains("* LIST (\\HasNoChildren) \".\" \"Tom &- Jerry\"\r\n"), list);
        c.expectOk("d SELECT &ZeVnLIqe-");
        assertEquals("e NO [CANNOT] Mailbox name is not valid mUTF-7\r\n", c.command("e CREATE \"&Jjo!\""));
        assertEquals("f NO [CANNOT] Mailbox name is not valid mUTF-7\r\n", c.command("f CREATE \"&AGEAYgBj-\""));
    }

    @Test
    void renameWithChildrenAndInbox() {
        c.expectOk("a CREATE Old.Child");
        c.expectOk("b RENAME Old New");
        String list = c.command("c LIST \"\" *");
        assertTrue(list.contains("\".\" New\r\n") && list.contains("\".\" New.Child\r\n") && !list.contains("Old"), list);
        assertEquals("d NO [NONEXISTENT] Mailbox doesn't exist: Old\r\n", c.command("d RENAME Old Other"));
        assertEquals("e NO [ALREADYEXISTS] Mailbox already exists\r\n", c.command("e RENAME New Sent"));

        c.send("f APPEND INBOX {20+}\r\nSubject: x\r\n\r\nhello!\r\n");
        c.expectOk("g SELECT INBOX");
        c.expectOk("h RENAME INBOX Archive.2026");
        // The selected INBOX was closed by the rename: back to the authenticated state.
        assertEquals("i BAD No mailbox selected.\r\n", c.command("i FETCH 1 FLAGS"));
        assertTrue(c.command("j STATUS INBOX (MESSAGES)").contains("(MESSAGES 0)"));
        assertTrue(c.command("k STATUS Archive.2026 (MESSAGES)").contains("(MESSAGES 1)"));
    }

    @Test
    void deletingTheSelectedMailboxUnselectsIt() {
        c.expectOk("a CREATE Tmp");
        c.expectOk("b SELECT Tmp");
        c.expectOk("c DELETE Tmp");
        assertEquals("d BAD No mailbox selected.\r\n", c.command("d EXPUNGE"));
    }

    @Test
    void examineIsReadOnlyAndSelectFailureUnselects() {
        c.send("a APPEND INBOX {20+}\r\nSubject: x\r\n\r\nhello!\r\n");
        String examine = c.command("b EXAMINE INBOX");
        assertTrue(examine.contains("* OK [PERMANENTFLAGS ()] Read-only mailbox.\r\n"), examine);
        assertTrue(examine.endsWith("b OK [READ-ONLY] Examine completed.\r\n"), examine);
        assertEquals("c NO [CANNOT] Mailbox is read-only.\r\n", c.command("c STORE 1 +FLAGS (\\Seen)"));
        assertEquals("* 1 FETCH (BODY[] {20}\r\nSubject: x\r\n\r\nhello!)\r\nd OK Fetch completed.\r\n",
                c.command("d FETCH 1 BODY[]"));
        assertEquals("e NO [NONEXISTENT] Mailbox doesn't exist: Nope\r\n", c.command("e SELECT Nope"));
        assertEquals("f BAD No mailbox selected.\r\n", c.command("f FETCH 1 FLAGS"));
    }

    @Test
    void selectWithCondstoreAndEnable() {
        assertEquals("* ENABLED CONDSTORE\r\na OK Enabled.\r\n", c.command("a ENABLE CONDSTORE X-UNKNOWN"));
        assertEquals("* ENABLED\r\nb OK Enabled.\r\n", c.command("b ENABLE CONDSTORE"));
        c.expectOk("c SELECT INBOX (CONDSTORE)");
        assertEquals("d BAD Error in IMAP command ENABLE: Not allowed in this state.\r\n", c.command("d ENABLE CONDSTORE"));
        assertFalse(c.command("e UNSELECT").contains("BAD"));
    }
}
