package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QUOTA (RFC 9208) with Dovecot's answers: alice has a quota of her own (userdb fields), bob
 * has none. Transcripts as Dovecot 2.3's imap_quota plugin writes them.
 */
class QuotaTest {

    @TempDir
    Path dir;
    ImapHarness server;

    @BeforeEach
    void start() {
        server = new ImapHarness(dir);
        server.users.fields("alice", Map.of("userdb_quota_rule", "*:storage=3k:messages=10"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String append(ImapClient c, String tag, int size) {
        StringBuilder msg = new StringBuilder("Subject: quota\r\n\r\n");
        while (msg.length() < size - 2) {
            msg.append('x');
        }
        msg.append("\r\n");
        return c.send(tag + " APPEND INBOX {" + msg.length() + "+}\r\n" + msg + "\r\n");
    }

    @Test
    void theCapabilityListsTheResources() {
        String caps = server.alice().command("a CAPABILITY");
        assertTrue(caps.contains(" QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE"), caps);
    }

    @Test
    void getQuotaRootAndGetQuotaReportUsageInKibibytes() {
        ImapClient c = server.alice();
        assertTrue(append(c, "p", 1500).contains("p OK"));
        assertEquals("* QUOTAROOT INBOX \"User quota\"\r\n"
                + "* QUOTA \"User quota\" (STORAGE 2 3 MESSAGE 1 10)\r\n"
                + "g OK Getquotaroot completed.\r\n", c.command("g GETQUOTAROOT INBOX"));
        assertEquals("* QUOTA \"User quota\" (STORAGE 2 3 MESSAGE 1 10)\r\n"
                + "q OK Getquota completed.\r\n", c.command("q GETQUOTA \"User quota\""));
        assertEquals("r NO Quota root doesn't exist.\r\n", c.command("r GETQUOTA \"Other\""));
        assertTrue(c.command("s GETQUOTAROOT Drafts").startsWith("* QUOTAROOT Drafts \"User quota\""));
    }

    @Test
    void appendOverQuotaIsRefusedWithOverquota() {
        ImapClient c = server.alice();
        assertTrue(append(c, "p", 2000).contains("p OK"));
        assertTrue(append(c, "q", 2000).contains("q NO [OVERQUOTA] Quota exceeded (mailbox for user is full)"));
        c.expectOk("s SELECT INBOX");
        assertTrue(c.command("t COPY 1 INBOX").contains("t NO [OVERQUOTA] Quota exceeded (mailbox for user is full)"));
    }

    @Test
    void withoutAQuotaThereIsNoRoot() {
        ImapClient c = server.connect();
        c.expectOk("a LOGIN bob hunter2");
        assertEquals("g OK No quota.\r\n", c.command("g GETQUOTAROOT INBOX"));
        assertEquals("q NO Quota root doesn't exist.\r\n", c.command("q GETQUOTA \"User quota\""));
    }

    @Test
    void setQuotaIsForAdminsOnlyAndBadSyntaxIsBad() {
        ImapClient c = server.alice();
        assertEquals("s NO Quota can be changed only by admin.\r\n",
                c.command("s SETQUOTA \"User quota\" (STORAGE 512)"));
        assertEquals("t NO Quota can be changed only by admin.\r\n", c.command("t SETQUOTA \"\" ()"));
        assertTrue(c.command("u SETQUOTA \"User quota\" STORAGE").startsWith("u BAD"));
        assertTrue(c.command("v GETQUOTA").startsWith("v BAD"));
        assertTrue(c.command("w GETQUOTAROOT").startsWith("w BAD"));
    }

    @Test
    void notBeforeLogin() {
        assertTrue(server.connect().command("g GETQUOTAROOT INBOX").startsWith("g BAD"));
    }
}
