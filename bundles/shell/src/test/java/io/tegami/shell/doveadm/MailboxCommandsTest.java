package io.tegami.shell.doveadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doveadm mailbox list|create|delete|status and quota, shapes taken from Dovecot 2.3.19 runs. */
class MailboxCommandsTest {

    @TempDir
    Path tmp;
    private MailFixture f;

    @BeforeEach
    void setUp() {
        f = new MailFixture(tmp, "quota", "maildir:User quota", "quota_rule", "*:storage=1M:messages=10");
    }

    @Test
    void createListAndSubscribe() {
        assertEquals("", f.run("mailbox", "create", "-u", "alice", "Sent", "Work.Projects"));
        assertEquals("", f.run("mailbox", "create", "-s", "-u", "alice", "Archive"));
        assertEquals("INBOX\nArchive\nSent\nWork\nWork.Projects\n", f.run("mailbox", "list", "-u", "alice"));
        assertEquals("Archive\n", f.run("mailbox", "list", "-s", "-u", "alice"));
        assertEquals("Work\n", f.run("mailbox", "list", "-u", "alice", "Work%"));
        assertEquals("INBOX\nWork.Projects\n", f.run("mailbox", "list", "-u", "alice", "inbox", "*.*"));
    }

    @Test
    void listFormattersAreDovecots() {
        f.run("mailbox", "create", "-u", "alice", "Sent");
        assertEquals("mailbox\nINBOX\nSent\n", f.run("-f", "tab", "mailbox", "list", "-u", "alice"));
        // Every title hidden: no title line; the widths still count the title (7 + (80-7)/2).
        assertEquals(String.format("%-43s%n%-43s%n", "INBOX", "Sent"), f.run("-f", "table", "mailbox", "list", "-u", "alice"));
        assertEquals("INBOX\n\f\nSent\n", f.run("-f", "pager", "mailbox", "list", "-u", "alice"));
        assertEquals("[{\"mailbox\":\"INBOX\"},{\"mailbox\":\"Sent\"}]", f.run("-f", "json", "mailbox", "list", "-u", "alice"));
        f.fails(75, "Fatal: Unknown print formatter: bogus", "-f", "bogus", "mailbox", "list", "-u", "alice");
    }

    @Test
    void createAndDeleteFailuresAreDovecotsAndDoNotStopTheOthers() {
        f.run("mailbox", "create", "-u", "alice", "Sent");
        f.fails(65, "doveadm(alice): Error: Can't create mailbox Sent: Mailbox already exists",
                "mailbox", "create", "-u", "alice", "Sent", "Newbox");
        assertTrue(f.run("mailbox", "list", "-u", "alice").contains("Newbox\n"));
        f.fails(68, "doveadm(alice): Error: Can't delete mailbox Nope: Mailbox doesn't exist: Nope",
                "mailbox", "delete", "-u", "alice", "Nope");
        f.fails(65, "doveadm(alice): Error: Can't delete mailbox inbox: INBOX can't be deleted.",
                "mailbox", "delete", "-u", "alice", "inbox");
        assertEquals("", f.run("mailbox", "delete", "-u", "alice", "Sent", "Newbox"));
        assertEquals("INBOX\n", f.run("mailbox", "list", "-u", "alice"));
    }

    @Test
    void usersAndOptionsFailAsDoveadmDoes() {
        f.fails(67, "doveadm(nobody): Error: User doesn't exist", "mailbox", "list", "-u", "nobody");
        f.fails(64, "Fatal: USER environment is missing and -u option not used", "mailbox", "list");
        DoveadmException e = f.fails(64, null, "mailbox", "list", "-x", "-u", "alice");
        assertTrue(e.getMessage().startsWith("mailbox list: invalid option -- 'x'\ndoveadm mailbox list [-u <user>|-A]"),
                e.getMessage());
        f.directory.broken = true;
        f.fails(75, "doveadm(alice): Error: User lookup failed: cannot read passwd-file data/passwd: Permission denied",
                "mailbox", "list", "-u", "alice");
    }

    @Test
    void statusInDovecotsOrderWithTotalsAndErrors() throws Exception {
        Instant at = Instant.parse("2026-11-28T01:09:47Z");
        f.add("INBOX", "Test 1", "Hello 1", at);
        f.add("INBOX", "Test 2", "Hello 2", at, "\\Seen");
        f.run("mailbox", "create", "-u", "alice", "Sent");
        String all = f.run("mailbox", "status", "-u", "alice", "all", "INBOX");
        assertTrue(all.matches("INBOX messages=2 recent=2 uidnext=3 uidvalidity=\\d+ unseen=1 highestmodseq=\\d+ "
                + "vsize=\\d+ guid=[0-9a-f]{32} firstsaved=" + at.getEpochSecond() + "\n"), all);
        // Fields come in Dovecot's order whatever order they are asked in; masks match in list order.
        assertEquals("INBOX messages=2 unseen=1\nSent messages=0 unseen=0\n",
                f.run("mailbox", "status", "-u", "alice", "unseen messages", "Sent", "INBOX"));
        assertEquals("Sent firstsaved=never\n", f.run("mailbox", "status", "-u", "alice", "firstsaved", "S*"));
        assertEquals("messages=2 recent=2 unseen=1\n", f.run("mailbox", "status", "-u", "alice", "-t", "messages recent unseen", "*"));
        assertEquals("mailbox\tmessages\tunseen\nINBOX\t2\t1\nSent\t0\t0\n",
                f.run("-f", "tab", "mailbox", "status", "-u", "alice", "messages unseen", "*"));
        // 7+1+8+1+6 = 23 columns: the last one (none expands) gets (80-23)/2 more, as Dovecot's shows
        // "vsize" plus 25 spaces for four columns.
        assertEquals(String.format("mailbox messages %-34s%nINBOX   2        %-34s%nSent    0        %-34s%n",
                "unseen", "1", "0"),
                f.run("-f", "table", "mailbox", "status", "-u", "alice", "messages unseen", "*"));
        f.fails(64, "Fatal: Status field guid can't be used with -t", "mailbox", "status", "-u", "alice", "-t", "guid", "*");
        DoveadmException e = f.fails(64, null, "mailbox", "status", "-u", "alice", "bogus", "INBOX");
        assertTrue(e.getMessage().startsWith("Fatal: Unknown status field: bogus"), e.getMessage());
        f.fails(64, null, "mailbox", "status", "-u", "alice", "messages");
        f.fails(68, "doveadm(alice): Error: Mailbox Nope: Failed to lookup mailbox status: Mailbox doesn't exist: Nope",
                "mailbox", "status", "-u", "alice", "messages", "INBOX", "Nope");
        assertEquals("INBOX messages=2\n", f.printed()); // the other mailboxes are still shown
    }

    @Test
    void quotaGetIsDovecotsTable() throws Exception {
        f.add("INBOX", "Big", "x".repeat(3000), Instant.parse("2026-11-28T01:00:00Z"));
        String out = f.run("quota", "get", "-u", "alice");
        String[] lines = out.split("\n");
        assertEquals(3, lines.length, out);
        assertEquals("Quota name Type    Value Limit                         %", lines[0]);
        assertEquals("User quota STORAGE     3  1024                         0", lines[1]);
        assertEquals("User quota MESSAGE     1    10                        10", lines[2]);
        assertEquals("Quota name\tType\tValue\tLimit\t%\nUser quota\tSTORAGE\t3\t1024\t0\nUser quota\tMESSAGE\t1\t10\t10\n",
                f.run("-f", "tab", "quota", "get", "-u", "alice"));
        assertEquals("Quota name=User quota Type=STORAGE Value=3 Limit=1024 %=0\n"
                + "Quota name=User quota Type=MESSAGE Value=1 Limit=10 %=10\n", f.run("-f", "flow", "quota", "get", "-u", "alice"));
    }

    @Test
    void quotaRecalcRewritesMaildirsizeFromTheMail() throws Exception {
        f.add("INBOX", "Big", "x".repeat(3000), Instant.parse("2026-11-28T01:00:00Z"));
        java.nio.file.Path maildirsize = tmp.resolve("alice/Maildir/maildirsize");
        // Drifted usage (a fresh file is trusted): 500 KiB in 7 messages that are not there.
        java.nio.file.Files.writeString(maildirsize, "1048576S,10C\n512000 7\n");
        assertTrue(f.run("quota", "get", "-u", "alice").contains("User quota MESSAGE     7"));
        assertEquals("", f.run("quota", "recalc", "-u", "alice"));
        java.util.List<String> lines = java.nio.file.Files.readAllLines(maildirsize);
        assertEquals("1048576S,10C", lines.get(0));
        assertTrue(lines.get(1).endsWith(" 1") && lines.size() == 2, lines.toString());
        assertTrue(f.run("quota", "get", "-u", "alice").contains("User quota MESSAGE     1    10"));
    }

    @Test
    void quotaRecalcWithoutQuotaIsDovecotsError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path other) {
        MailFixture none = new MailFixture(other);
        none.fails(68, "doveadm(alice): Error: Quota not enabled", "quota", "recalc", "-u", "alice");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String[] name : new String[][] {{"mailbox", "list"}, {"mailbox", "create"}, {"mailbox", "delete"},
                {"mailbox", "status"}, {"search"}, {"fetch"}, {"expunge"}, {"quota", "get"}, {"quota", "recalc"},
                {"config"}}) {
            for (String opt : new String[] {"-h", "--help"}) {
                String[] args = java.util.Arrays.copyOf(name, name.length + 1);
                args[name.length] = opt;
                String out = f.run(args);
                assertTrue(out.startsWith("usage: doveadm [-Dv] [-f <formatter>] " + String.join(" ", name) + " "), out);
                assertTrue(out.split("\n").length > 2, out);
            }
        }
        assertTrue(f.run("help", "fetch").contains("hdr.<name>"));
        assertTrue(f.run("--help").contains("\n  mailbox status [-u <user>|-A]"));
    }
}
