package io.tegami.shell.doveadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doveadm search, fetch and expunge with doveadm-search-query(7) queries, checked against Dovecot 2.3.19. */
class SearchFetchExpungeTest {

    @TempDir
    Path tmp;
    private MailFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new MailFixture(tmp);
        f.add("INBOX", "Test 1", "Hello one", Instant.parse("2026-11-28T01:09:47Z"), "\\Seen", "\\Flagged", "$Label1");
        f.add("INBOX", "Test 2", "Hello two", Instant.parse("2026-10-01T08:00:00Z"));
        f.add("INBOX", "Other 3", "Bye " + "z".repeat(2000), Instant.parse("2026-11-27T23:00:00Z"), "\\Deleted");
        f.run("mailbox", "create", "-u", "alice", "Archive");
        f.add("Archive", "Test 4", "Archived", Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** The UIDs of INBOX that {@code doveadm search mailbox INBOX <query>} finds. */
    private String uids(String... query) {
        List<String> args = new ArrayList<>(List.of("search", "-u", "alice", "mailbox", "INBOX"));
        args.addAll(Arrays.asList(query));
        String out = f.run(args.toArray(new String[0]));
        StringBuilder u = new StringBuilder();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                assertTrue(line.matches("[0-9a-f]{32} \\d+"), line);
                u.append(u.length() == 0 ? "" : " ").append(line.substring(33));
            }
        }
        return u.toString();
    }

    @Test
    void searchKeys() {
        assertEquals("1 2 3", uids("all"));
        assertEquals("1 2 3", uids());
        assertEquals("1", uids("seen"));
        assertEquals("2 3", uids("unseen"));
        assertEquals("2 3", uids("NOT", "seen"));
        assertEquals("3", uids("deleted"));
        assertEquals("1", uids("flagged"));
        assertEquals("1", uids("keyword", "$Label1"));
        assertEquals("2 3", uids("uid", "2:*"));
        assertEquals("1 2", uids("1:2"));
        assertEquals("3", uids("larger", "1k"));
        assertEquals("1 2", uids("smaller", "1k"));
        assertEquals("2", uids("subject", "test 2"));
        assertEquals("1 2 3", uids("from", "BOB"));
        assertEquals("1 2 3", uids("to", "alice"));
        assertEquals("2", uids("header", "message-id", "Test.2"));
        assertEquals("1 2", uids("body", "hello"));
        assertEquals("1 2", uids("text", "HELLO"));
        assertEquals("", uids("body", "Subject"));
        assertEquals("1 2 3", uids("text", "subject: "));
        // Dates: the clock says 2026-11-28 12:00 UTC.
        assertEquals("1 3", uids("since", "1d"));
        assertEquals("2", uids("savedbefore", "30d"));
        assertEquals("1", uids("on", "2026-11-28"));
        assertEquals("2 3", uids("before", "28-Nov-2026"));
        assertEquals("1 3", uids("since", String.valueOf(Instant.parse("2026-11-27T00:00:00Z").getEpochSecond())));
        assertEquals("1 2 3", uids("sentbefore", "2026-11-03"));
        assertEquals("", uids("senton", "2026-11-03"));
        assertEquals("3", uids("younger", "50000", "unseen"));
        // OR is infix and makes its whole list alternatives; parentheses group.
        assertEquals("1 3", uids("(", "uid", "1", "OR", "uid", "3", ")"));
        assertEquals("2", uids("(uid", "1", "OR", "uid", "2)", "unseen"));
        // "mailbox INBOX" joined the alternatives, so Archive's UID 1 matches too, as in Dovecot.
        assertEquals("1 2 3 1", uids("uid", "1", "OR", "uid", "3"));
    }

    @Test
    void queryErrorsAreDovecots() {
        f.fails(75, "Fatal: Use parenthesis when mixing ANDs and ORs", "search", "-u", "alice", "OR", "uid", "1", "uid", "3");
        f.fails(75, "Fatal: Use parenthesis when mixing ANDs and ORs", "search", "-u", "alice", "seen", "OR", "unseen", "deleted");
        f.fails(75, "Fatal: Unknown argument BOGUS", "search", "-u", "alice", "mailbox", "INBOX", "bogus");
        f.fails(75, "Fatal: Missing parameter for search key (for search key: UID)", "search", "-u", "alice", "uid");
        f.fails(75, "Fatal: Missing parameter for search key (for search key: HEADER)", "search", "-u", "alice", "header", "x");
        f.fails(75, "Fatal: Invalid UID messageset", "search", "-u", "alice", "uid", "1:x");
        f.fails(75, "Fatal: Invalid search date parameter: xyz", "search", "-u", "alice", "before", "xyz");
        f.fails(75, "Fatal: Invalid size: abc", "search", "-u", "alice", "larger", "abc");
        f.fails(75, "Fatal: Invalid search date parameter: 999999999999w", "search", "-u", "alice", "since", "999999999999w");
        f.fails(75, "Fatal: Invalid size: 99999999999999999999", "search", "-u", "alice", "larger", "99999999999999999999");
        f.fails(75, "Fatal: Invalid UID messageset", "search", "-u", "alice", "uid", "99999999999");
        f.fails(75, "Fatal: Missing ')'", "search", "-u", "alice", "(", "uid", "1");
        f.fails(75, "Fatal: Unexpected ')'", "search", "-u", "alice", "uid", "1", ")");
        f.fails(75, "Fatal: Missing argument", "search", "-u", "alice", "not");
        f.fails(68, "doveadm(alice): Error: Couldn't get mailbox 'Nope' GUID: Mailbox doesn't exist: Nope",
                "search", "-u", "alice", "mailbox", "Nope", "all");
    }

    @Test
    void searchAcrossMailboxesUsesMasks() {
        String out = f.run("search", "-u", "alice", "subject", "test");
        assertEquals(3, out.split("\n").length, out); // Test 1, Test 2 and Archive's Test 4
        assertEquals(1, f.run("search", "-u", "alice", "mailbox", "A*", "all").split("\n").length);
    }

    @Test
    void fetchPrintsDovecotsPagerLayout() {
        assertEquals("uid: 1\nflags: \\Flagged \\Seen $Label1\nhdr.subject: Test 1\n"
                + "date.received: 2026-11-28 01:09:47\ndate.sent: 2026-11-02 09:00:01 (+0100)\nmailbox: INBOX\nseq: 1\n"
                + "\f\nuid: 2\nflags: \\Recent\nhdr.subject: Test 2\ndate.received: 2026-10-01 08:00:00\n"
                + "date.sent: 2026-11-02 09:00:01 (+0100)\nmailbox: INBOX\nseq: 2\n",
                f.run("fetch", "-u", "alice", "uid flags hdr.subject date.received date.sent mailbox seq", "mailbox", "INBOX",
                        "1:2"));
        String header = "From: Bob <bob@example.org>\nTo: alice@example.com\nSubject: Test 2\n"
                + "Date: Mon, 2 Nov 2026 10:00:01 +0100\nMessage-ID: <Test.2@example.org>\n\n";
        assertEquals("hdr:\n" + header + "body:\nHello two\ntext:\n" + header + "Hello two\n",
                f.run("fetch", "-u", "alice", "hdr body text", "mailbox", "INBOX", "uid", "2"));
        String sizes = f.run("fetch", "-u", "alice", "size.physical size.virtual subject", "mailbox", "INBOX", "uid", "2");
        int physical = header.length() + "Hello two\n".length();
        assertEquals("size.physical: " + physical + "\nsize.virtual: " + (physical + 7) + "\nsubject: Test 2\n", sizes);
        assertEquals("uid\tsubject\n2\tTest 2\n", f.run("-f", "tab", "fetch", "-u", "alice", "uid subject", "mailbox", "INBOX", "uid", "2"));
        assertEquals("uid=2 body=Hello two\n\n", f.run("-f", "flow", "fetch", "-u", "alice", "uid body", "mailbox", "INBOX", "uid", "2"));
        assertEquals("[{\"uid\":\"2\",\"body\":\"Hello two\\n\"}]",
                f.run("-f", "json", "fetch", "-u", "alice", "uid body", "mailbox", "INBOX", "uid", "2"));
        f.fails(75, "Fatal: table formatter doesn't support multi-line values",
                "-f", "table", "fetch", "-u", "alice", "body", "mailbox", "INBOX", "uid", "2");
        assertEquals("hdr.from.address: bob@example.org\nhdr.from.address_name: Bob\nhdr.to.address: alice@example.com\n",
                f.run("fetch", "-u", "alice", "hdr.from.address hdr.from.address_name hdr.to.address", "mailbox", "INBOX",
                        "uid", "2"));
        // A mailbox that does not exist is skipped silently, as doveadm fetch does.
        assertEquals("", f.run("fetch", "-u", "alice", "uid", "mailbox", "Nope", "all"));
    }

    @Test
    void fetchFieldErrors() {
        DoveadmException e = f.fails(75, null, "fetch", "-u", "alice", "uid bogus", "mailbox", "INBOX", "all");
        assertTrue(e.getMessage().startsWith("Available fetch fields: hdr.<name> user mailbox"), e.getMessage());
        assertTrue(e.getMessage().endsWith("\nFatal: Unknown fetch field: bogus"), e.getMessage());
        f.fails(64, null, "fetch", "-u", "alice", "uid");
    }

    @Test
    void expungeNeedsAMailboxInEveryBranchAndRemovesTheMatches() {
        String guard = "Fatal: expunge: To avoid accidents, search query must contain MAILBOX in all search branches";
        f.fails(64, guard, "expunge", "-u", "alice", "seen");
        f.fails(64, guard, "expunge", "-u", "alice", "mailbox", "INBOX", "OR", "seen");
        f.fails(64, null, "expunge", "-u", "alice");
        assertEquals("", f.run("expunge", "-u", "alice", "mailbox", "INBOX", "uid", "1"));
        assertEquals("2 3", uids("all"));
        assertEquals("", f.run("expunge", "-u", "alice", "mailbox", "INBOX", "larger", "1k"));
        assertEquals("2", uids("all"));
        f.fails(68, "doveadm(alice): Error: Syncing mailbox 'Nope' failed: Mailbox doesn't exist: Nope",
                "expunge", "-u", "alice", "mailbox", "Nope", "all");
        // -m deletes a mailbox left empty.
        assertEquals("", f.run("expunge", "-u", "alice", "-m", "mailbox", "Archive", "all"));
        assertEquals("INBOX\n", f.run("mailbox", "list", "-u", "alice"));
        assertEquals("INBOX messages=1\n", f.run("mailbox", "status", "-u", "alice", "messages", "INBOX"));
    }
}
