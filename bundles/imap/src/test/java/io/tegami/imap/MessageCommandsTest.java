package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APPEND (literals, flags, dates, APPENDUID), FETCH (items, sections, partials, \Seen), STORE,
 * SEARCH and ESEARCH, COPY and MOVE with COPYUID, UID EXPUNGE, CONDSTORE's MODSEQ, CHANGEDSINCE
 * and UNCHANGEDSINCE, CLOSE and UNSELECT.
 */
class MessageCommandsTest {

    static final String PLAIN = "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: Lunch\r\n"
            + "Date: Fri, 27 Nov 2026 12:00:00 +0000\r\n\r\nShall we meet at noon?\r\n";
    static final String MULTIPART = "From: bob@example.org\r\nSubject: Report\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=XX\r\n\r\npreamble\r\n--XX\r\nContent-Type: text/plain\r\n\r\n"
            + "See attached.\r\n--XX\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "AAECAw==\r\n--XX--\r\n";

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

    String append(String mailbox, String flags, String message) {
        return c.send("ap APPEND " + mailbox + (flags.isEmpty() ? "" : " " + flags) + " {" + message.length() + "+}\r\n"
                + message + "\r\n");
    }

    @Test
    void appendWithSynchronizingLiteralFlagsAndDate() {
        assertEquals("+ OK\r\n", c.command("a APPEND INBOX (\\Seen $Forwarded) \" 7-Feb-1994 21:52:25 -0800\" {" + PLAIN.length() + "}"));
        String ok = c.send(PLAIN + "\r\n");
        assertTrue(ok.matches("a OK \\[APPENDUID \\d+ 1\\] Append completed\\.\r\n"), ok);
        c.expectOk("b SELECT INBOX");
        String fetch = c.command("c FETCH 1 (FLAGS INTERNALDATE RFC822.SIZE UID)");
        Matcher m = Pattern.compile("\\* 1 FETCH \\(FLAGS \\(\\\\Seen \\$Forwarded( \\\\Recent)?\\) INTERNALDATE \"([^\"]+)\" "
                + "RFC822\\.SIZE " + PLAIN.length() + " UID 1\\)\r\nc OK Fetch completed\\.\r\n").matcher(fetch);
        assertTrue(m.matches(), fetch);
        assertEquals(java.time.Instant.parse("1994-02-08T05:52:25Z"),
                io.tegami.imap.protocol.ImapDatesAccess.parse(m.group(2)));
    }

    @Test
    void appendErrors() {
        assertEquals("ap NO [TRYCREATE] Mailbox doesn't exist: Nope\r\n", append("Nope", "", PLAIN));
        assertTrue(append("INBOX", "(\\Bogus)", PLAIN).startsWith("ap BAD Error in IMAP command APPEND: Invalid system flag"));
        assertTrue(c.send("b APPEND INBOX \"32-Jan-2000 00:00:00 +0000\" {3+}\r\nabc\r\n").startsWith("b BAD"));
        assertEquals("c NO Can't save a zero byte message.\r\n", c.send("c APPEND INBOX {0+}\r\n\r\n"));
        server.params.set("message_size_limit", "100");
        assertEquals("d NO [TOOBIG] Mail size is too large (APPENDLIMIT=100).\r\n", c.command("d APPEND INBOX {101}"));
        assertTrue(c.command("e NOOP").startsWith("e OK"), "the session goes on");
        assertTrue(c.command("f CAPABILITY").contains(" APPENDLIMIT=100"));
    }

    @Test
    void fetchSectionsOfAMultipartMessage() {
        append("INBOX", "", MULTIPART);
        c.expectOk("s SELECT INBOX");
        String structure = c.command("a FETCH 1 BODYSTRUCTURE");
        assertTrue(structure.startsWith("* 1 FETCH (BODYSTRUCTURE ((\"text\" \"plain\""), structure);
        assertTrue(structure.contains("\"mixed\""), structure);
        assertEquals("* 1 FETCH (BODY[1] {13}\r\nSee attached.)\r\nb OK Fetch completed.\r\n", c.command("b FETCH 1 BODY.PEEK[1]"));
        assertEquals("* 1 FETCH (BODY[2.MIME] {77}\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n)\r\nc OK Fetch completed.\r\n", c.command("c FETCH 1 BODY.PEEK[2.MIME]"));
        assertEquals("* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT)] {19}\r\nSubject: Report\r\n\r\n)\r\nd OK Fetch completed.\r\n",
                c.command("d FETCH 1 BODY.PEEK[HEADER.FIELDS (Subject)]"));
        assertEquals("* 1 FETCH (UID 1 BODY[]<6> {5}\r\nbob@e)\r\ne OK Fetch completed.\r\n",
                c.command("e UID FETCH 1 BODY.PEEK[]<6.5>"));
        assertEquals("* 1 FETCH (BODY[]<100000> {0}\r\n)\r\nf OK Fetch completed.\r\n", c.command("f FETCH 1 BODY.PEEK[]<100000.5>"));
        assertEquals("* 1 FETCH (BODY[9] {0}\r\n)\r\ng OK Fetch completed.\r\n", c.command("g FETCH 1 BODY.PEEK[9]"));
        assertTrue(c.command("h FETCH 1 FLAGS").contains("FLAGS (\\Recent)"), "PEEK left \\Seen alone");
    }

    @Test
    void fetchingABodySetsSeenAndReportsFlags() {
        append("INBOX", "", PLAIN);
        append("INBOX", "", PLAIN);
        c.expectOk("s SELECT INBOX");
        String out = c.command("a FETCH 1 RFC822.TEXT");
        assertEquals("* 1 FETCH (RFC822.TEXT {24}\r\nShall we meet at noon?\r\n FLAGS (\\Seen \\Recent))\r\na OK Fetch completed.\r\n", out);
        assertEquals("* 1 FETCH (FLAGS (\\Seen \\Recent) BODY[TEXT] {24}\r\nShall we meet at noon?\r\n)\r\nb OK Fetch completed.\r\n",
                c.command("b FETCH 1 (FLAGS BODY[TEXT])"), "already seen: no second change");
        String header = c.command("c FETCH 2 RFC822.HEADER");
        assertFalse(header.contains("\\Seen"), header);
        c.command("d EXAMINE INBOX");
        assertEquals("* 2 FETCH (RFC822 {" + PLAIN.length() + "}\r\n" + PLAIN + ")\r\ne OK Fetch completed.\r\n",
                c.command("e FETCH 2 RFC822"), "read-only: no \\Seen");
    }

    @Test
    void envelopeAndFast() {
        append("INBOX", "", PLAIN);
        c.expectOk("s SELECT INBOX");
        String out = c.command("a FETCH 1:* (ENVELOPE)");
        assertEquals("* 1 FETCH (ENVELOPE (\"Fri, 27 Nov 2026 12:00:00 +0000\" \"Lunch\" ((\"Alice\" NIL \"alice\" \"example.org\")) "
                + "((\"Alice\" NIL \"alice\" \"example.org\")) ((\"Alice\" NIL \"alice\" \"example.org\")) "
                + "((NIL NIL \"bob\" \"example.org\")) NIL NIL NIL NIL))\r\na OK Fetch completed.\r\n", out);
        assertTrue(c.command("b FETCH 1 FAST").matches("\\* 1 FETCH \\(FLAGS \\(\\\\Recent\\) INTERNALDATE \"[^\"]+\" RFC822\\.SIZE \\d+\\)\r\nb OK Fetch completed\\.\r\n"));
        assertEquals("c BAD Error in IMAP command FETCH: Invalid messageset.\r\n", c.command("c FETCH 2 FLAGS"));
        assertEquals("d OK Fetch completed.\r\n", c.command("d UID FETCH 2:5 FLAGS"));
        assertEquals("* 1 FETCH (UID 1)\r\ne OK Fetch completed.\r\n", c.command("e UID FETCH 99:* UID"));
        assertTrue(c.command("f FETCH 1 (FOO)").startsWith("f BAD Error in IMAP command FETCH: Unknown parameter FOO."));
    }

    @Test
    void storeVariants() {
        append("INBOX", "", PLAIN);
        append("INBOX", "", PLAIN);
        c.expectOk("s SELECT INBOX");
        assertEquals("* 1 FETCH (FLAGS (\\Flagged \\Recent))\r\n* 2 FETCH (FLAGS (\\Flagged \\Recent))\r\na OK Store completed.\r\n",
                c.command("a STORE 1:* +FLAGS \\Flagged"));
        // A new keyword: FLAGS and PERMANENTFLAGS are announced again, even for .SILENT.
        assertEquals("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work \\Recent)\r\n"
                + "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work \\*)] Flags permitted.\r\n"
                + "b OK Store completed.\r\n", c.command("b STORE 1 FLAGS.SILENT (\\Seen $Work)"));
        assertEquals("* 2 FETCH (UID 2 FLAGS (\\Flagged $Work \\Recent))\r\nc OK Store completed.\r\n",
                c.command("c UID STORE 2 +FLAGS ($Work)"));
        assertEquals("* 1 FETCH (FLAGS (\\Seen $Work \\Recent))\r\nd OK Store completed.\r\n", c.command("d STORE 1 -FLAGS (\\Flagged)"));
        assertTrue(c.command("e STORE 1 +FLAGS (\\Bogus)").startsWith("e BAD"));
        assertTrue(c.command("f STORE 1 XFLAGS (\\Seen)").startsWith("f BAD"));
        assertEquals("g OK Store completed.\r\n", c.command("g STORE 1 +FLAGS.SILENT (\\Recent)"));
    }

    @Test
    void condstoreModseqAndUnchangedSince() {
        append("INBOX", "", PLAIN);
        append("INBOX", "", PLAIN);
        c.expectOk("s SELECT INBOX");
        String fetch = c.command("a FETCH 1:2 (MODSEQ)");
        Matcher m = Pattern.compile("\\* 1 FETCH \\(MODSEQ \\((\\d+)\\)\\)\r\n\\* 2 FETCH \\(MODSEQ \\((\\d+)\\)\\)\r\n").matcher(fetch);
        assertTrue(m.find(), fetch);
        long first = Long.parseLong(m.group(1));
        long second = Long.parseLong(m.group(2));
        String store = c.command("b STORE 1 (UNCHANGEDSINCE " + first + ") +FLAGS.SILENT (\\Seen)");
        assertTrue(store.matches("\\* 1 FETCH \\(MODSEQ \\(\\d+\\)\\)\r\nb OK Store completed\\.\r\n"), store);
        assertEquals("c OK [MODIFIED 1] Conditional store failed.\r\n",
                c.command("c STORE 1 (UNCHANGEDSINCE " + first + ") +FLAGS.SILENT (\\Deleted)"));
        String changed = c.command("d FETCH 1:* (FLAGS) (CHANGEDSINCE " + Math.max(first, second) + ")");
        assertTrue(changed.matches("\\* 1 FETCH \\(FLAGS \\(\\\\Seen \\\\Recent\\) MODSEQ \\(\\d+\\)\\)\r\nd OK Fetch completed\\.\r\n"), changed);
        String search = c.command("e SEARCH MODSEQ " + (Math.max(first, second) + 1));
        assertTrue(search.matches("\\* SEARCH 1 \\(MODSEQ \\d+\\)\r\ne OK Search completed\\.\r\n"), search);
    }

    @Test
    void searchAndEsearch() {
        append("INBOX", "(\\Seen)", PLAIN);
        append("INBOX", "(\\Flagged)", MULTIPART);
        append("INBOX", "", PLAIN);
        c.expectOk("s SELECT INBOX");
        assertEquals("* SEARCH 2 3\r\na OK Search completed.\r\n", c.command("a SEARCH UNSEEN"));
        assertEquals("* SEARCH 1 3\r\nb OK Search completed.\r\n", c.command("b SEARCH SUBJECT lunch"));
        assertEquals("* SEARCH 2\r\nc OK Search completed.\r\n", c.command("c SEARCH OR FLAGGED (SEEN FROM nobody) BODY attached"));
        assertEquals("* SEARCH 3\r\nd OK Search completed.\r\n", c.command("d UID SEARCH UID 2:* NOT FLAGGED"));
        assertEquals("* SEARCH\r\ne OK Search completed.\r\n", c.command("e SEARCH CHARSET UTF-8 TEXT \"größe\""));
        assertEquals("* ESEARCH (TAG \"f\") MIN 2 MAX 3 COUNT 2\r\nf OK Search completed.\r\n",
                c.command("f SEARCH RETURN (MIN MAX COUNT) UNSEEN"));
        assertEquals("* ESEARCH (TAG \"g\") UID ALL 1:3\r\ng OK Search completed.\r\n", c.command("g UID SEARCH RETURN () ALL"));
        assertEquals("* ESEARCH (TAG \"h\") COUNT 0\r\nh OK Search completed.\r\n", c.command("h SEARCH RETURN (COUNT MIN) DRAFT"));
        assertEquals("i NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset.\r\n", c.command("i SEARCH CHARSET X-FOO ALL"));
        assertTrue(c.command("j SEARCH FOO").startsWith("j BAD Error in IMAP command SEARCH: Unknown argument FOO."));
        assertEquals("* SEARCH 3\r\nk OK Search completed.\r\n", c.command("k SEARCH *"));
    }

    @Test
    void copyAndMoveWithCopyUid() {
        append("INBOX", "(\\Seen)", PLAIN);
        append("INBOX", "", PLAIN);
        append("INBOX", "", PLAIN);
        c.expectOk("s SELECT INBOX");
        String copy = c.command("a COPY 1:2 Trash");
        assertTrue(copy.matches("a OK \\[COPYUID \\d+ 1:2 1:2\\] Copy completed\\.\r\n"), copy);
        assertEquals("b NO [TRYCREATE] Mailbox doesn't exist: Nope\r\n", c.command("b COPY 1 Nope"));
        String move = c.command("c UID MOVE 2:3 Archive");
        assertEquals("c NO [TRYCREATE] Mailbox doesn't exist: Archive\r\n", move);
        c.expectOk("d CREATE Archive");
        move = c.command("e UID MOVE 2:3 Archive");
        assertTrue(move.matches("\\* OK \\[COPYUID \\d+ 2:3 1:2\\] Moved UIDs\\.\r\n\\* 2 EXPUNGE\r\n\\* 2 EXPUNGE\r\ne OK Move completed\\.\r\n"),
                move);
        assertEquals("f OK No messages found.\r\n", c.command("f UID COPY 7 Trash"));
        assertTrue(c.command("g STATUS Trash (MESSAGES)").contains("(MESSAGES 2)"));
        c.expectOk("h SELECT Trash");
        assertTrue(c.command("i FETCH 1 FLAGS").contains("\\Seen"), "flags are copied");
    }

    @Test
    void appendAndCopyIntoTheSelectedMailboxAnnounceExists() {
        append("INBOX", "", PLAIN);
        c.expectOk("s SELECT INBOX");
        String out = append("INBOX", "", PLAIN);
        assertTrue(out.matches("\\* 2 EXISTS\r\n\\* 2 RECENT\r\nap OK \\[APPENDUID \\d+ 2\\] Append completed\\.\r\n"), out);
        out = c.command("b COPY 1:2 INBOX");
        assertTrue(out.matches("\\* 4 EXISTS\r\n\\* 4 RECENT\r\nb OK \\[COPYUID \\d+ 1:2 3:4\\] Copy completed\\.\r\n"), out);
    }

    @Test
    void uidExpungeOnlyTouchesTheGivenUids() {
        for (int i = 0; i < 3; i++) {
            append("INBOX", "(\\Deleted)", PLAIN);
        }
        c.expectOk("s SELECT INBOX");
        assertEquals("* 2 EXPUNGE\r\na OK Expunge completed.\r\n", c.command("a UID EXPUNGE 2"));
        assertEquals("* 1 EXPUNGE\r\n* 1 EXPUNGE\r\nb OK Expunge completed.\r\n", c.command("b EXPUNGE"));
    }

    @Test
    void closeExpungesSilentlyUnselectDoesNot() {
        append("INBOX", "(\\Deleted)", PLAIN);
        append("INBOX", "", PLAIN);
        c.expectOk("s SELECT INBOX");
        assertEquals("a OK Unselect completed.\r\n", c.command("a UNSELECT"));
        c.expectOk("b SELECT INBOX");
        assertEquals("c OK Close completed.\r\n", c.command("c CLOSE"));
        assertTrue(c.command("d STATUS INBOX (MESSAGES)").contains("(MESSAGES 1)"));
        assertEquals("e BAD No mailbox selected.\r\n", c.command("e CLOSE"));
    }
}
