package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QRESYNC (RFC 7162 3.2), SORT and THREAD (RFC 5256), and the capabilities that announce them. */
class ExtensionsTest {

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

    void append(String subject, String date) {
        String msg = "Subject: " + subject + "\r\nDate: " + date + "\r\nFrom: x@example.org\r\n\r\nbody\r\n";
        c.send("p APPEND INBOX {" + msg.length() + "+}\r\n" + msg + "\r\n");
    }

    @Test
    void capabilitiesAfterLogin() {
        String caps = c.command("a CAPABILITY");
        for (String cap : new String[] {"IMAP4rev1", "LITERAL+", "IDLE", "NAMESPACE", "UIDPLUS", "MOVE", "CONDSTORE", "QRESYNC",
                "ESEARCH", "SORT", "THREAD=REFERENCES", "LIST-EXTENDED", "LIST-STATUS", "SPECIAL-USE", "ENABLE", "UNSELECT",
                "CHILDREN", "ID", "SASL-IR"}) {
            assertTrue(caps.contains(" " + cap + " ") || caps.contains(" " + cap + "\r\n"), cap + " in " + caps);
        }
        assertTrue(!caps.contains("STARTTLS") && !caps.contains("AUTH="), caps);
    }

    @Test
    void qresyncSelectReportsVanishedAndChanges() {
        for (int i = 0; i < 5; i++) {
            append("m" + i, "Fri, 27 Nov 2026 12:00:0" + i + " +0000");
        }
        c.expectOk("s SELECT INBOX");
        String validity = match(c.command("v STATUS INBOX (UIDVALIDITY HIGHESTMODSEQ)"), "UIDVALIDITY (\\d+)");
        String modseq = match(c.command("w STATUS INBOX (HIGHESTMODSEQ)"), "HIGHESTMODSEQ (\\d+)");
        c.expectOk("x STORE 2,4 +FLAGS.SILENT (\\Deleted)");
        c.expectOk("y EXPUNGE");
        c.expectOk("z STORE 1 +FLAGS.SILENT (\\Seen)");
        c.expectOk("u UNSELECT");
        assertEquals("* ENABLED QRESYNC\r\na OK Enabled.\r\n", c.command("a ENABLE QRESYNC"));
        String select = c.command("b SELECT INBOX (QRESYNC (" + validity + " " + modseq + " 1:5))");
        assertTrue(select.contains("* VANISHED (EARLIER) 2,4\r\n"), select);
        assertTrue(Pattern.compile("\\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Seen( \\\\Recent)?\\) MODSEQ \\(\\d+\\)\\)\r\n").matcher(select).find(), select);
        assertTrue(select.endsWith("b OK [READ-WRITE] Select completed.\r\n"), select);
        // With QRESYNC on, expunges are VANISHED and EXPUNGE reports the new HIGHESTMODSEQ.
        c.expectOk("c STORE 1 +FLAGS.SILENT (\\Deleted)");
        String expunge = c.command("d EXPUNGE");
        assertTrue(expunge.matches("\\* VANISHED 1\r\nd OK \\[HIGHESTMODSEQ \\d+\\] Expunge completed\\.\r\n"), expunge);
        String fetch = c.command("e UID FETCH 1:5 (FLAGS) (CHANGEDSINCE 1 VANISHED)");
        assertTrue(fetch.startsWith("* VANISHED (EARLIER) 1:2,4\r\n"), fetch);
        assertTrue(c.command("f FETCH 1 (FLAGS)").startsWith("* 1 FETCH (UID 3 FLAGS"), "QRESYNC adds UID");
        assertTrue(c.command("g SELECT INBOX").startsWith("* OK [CLOSED] Previous mailbox closed.\r\n"));
        assertTrue(c.command("h FETCH 1 (FLAGS) (CHANGEDSINCE 1 VANISHED)").startsWith("h BAD"));
    }

    @Test
    void qresyncNeedsEnable() {
        assertTrue(c.command("a SELECT INBOX (QRESYNC (1 1))").startsWith("a BAD Error in IMAP command SELECT: QRESYNC is not enabled."));
    }

    @Test
    void sortAndThread() {
        append("Zebra", "Fri, 27 Nov 2026 12:00:03 +0000");
        append("apple", "Fri, 27 Nov 2026 12:00:01 +0000");
        append("Re: Zebra", "Fri, 27 Nov 2026 12:00:05 +0000");
        c.expectOk("s SELECT INBOX");
        assertEquals("* SORT 2 1 3\r\na OK Sort completed.\r\n", c.command("a SORT (SUBJECT DATE) UTF-8 ALL"));
        assertEquals("* SORT 3 1 2\r\nb OK Sort completed.\r\n", c.command("b SORT (REVERSE DATE) UTF-8 ALL"));
        assertEquals("* SORT 1 3\r\nc OK Sort completed.\r\n", c.command("c UID SORT (ARRIVAL) US-ASCII SUBJECT zebra"));
        assertEquals("* THREAD (2)(1 3)\r\nd OK Thread completed.\r\n", c.command("d THREAD ORDEREDSUBJECT UTF-8 ALL"));
        assertTrue(c.command("e THREAD REFERENCES UTF-8 ALL").startsWith("* THREAD "));
        assertEquals("f NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset.\r\n", c.command("f SORT (DATE) X-NOPE ALL"));
        assertTrue(c.command("g SORT (FOO) UTF-8 ALL").startsWith("g BAD"));
        assertTrue(c.command("h THREAD FOO UTF-8 ALL").startsWith("h BAD"));
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError(regex + " not in " + text);
        }
        return m.group(1);
    }
}
