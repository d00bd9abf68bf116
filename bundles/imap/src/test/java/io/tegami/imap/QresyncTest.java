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
 * QRESYNC's resynchronization (RFC 7162 3.2.5, 3.2.6) without expunge history: VANISHED
 * (EARLIER) is the UIDs missing below UIDNEXT, narrowed by the sequence match data, none when
 * nothing changed since the client's mod-sequence, and never a message that is still there.
 */
class QresyncTest {

    static final String MSG = "Subject: q\r\n\r\nbody\r\n";

    @TempDir
    Path dir;
    ImapHarness server;
    ImapClient c;
    String validity;

    @BeforeEach
    void start() {
        server = new ImapHarness(dir);
        c = server.alice();
        for (int i = 0; i < 10; i++) {
            c.send("p APPEND INBOX {" + MSG.length() + "+}\r\n" + MSG + "\r\n");
        }
        validity = match(c.command("v STATUS INBOX (UIDVALIDITY)"), "UIDVALIDITY (\\d+)");
        c.expectOk("e ENABLE QRESYNC");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Expunges {@code uids} from INBOX in a session of its own; returns HIGHESTMODSEQ after. */
    String expungeElsewhere(String uids) {
        ImapClient other = server.alice();
        other.expectOk("s SELECT INBOX");
        other.expectOk("t UID STORE " + uids + " +FLAGS.SILENT (\\Deleted)");
        other.expectOk("x EXPUNGE");
        String modseq = match(other.command("m STATUS INBOX (HIGHESTMODSEQ)"), "HIGHESTMODSEQ (\\d+)");
        other.command("l LOGOUT");
        return modseq;
    }

    String highest() {
        return match(c.command("h STATUS INBOX (HIGHESTMODSEQ)"), "HIGHESTMODSEQ (\\d+)");
    }

    @Test
    void nothingChangedSinceTheClientsModSeqMeansNoVanished() {
        String early = expungeElsewhere("3:4");
        String select = c.command("a SELECT INBOX (QRESYNC (" + validity + " " + early + " 1:10))");
        assertFalse(select.contains("VANISHED"), "3:4 went before the client's mod-sequence:\n" + select);
        assertFalse(select.contains("FETCH"), select);
        assertTrue(select.contains("* OK [HIGHESTMODSEQ " + early + "] Highest\r\n"), select);
        String fetch = c.command("b UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + early + " VANISHED)");
        assertEquals("b OK Fetch completed.\r\n", fetch);
    }

    @Test
    void withoutHistoryEveryMissingUidIsReported() {
        String before = highest();
        expungeElsewhere("3:4");
        expungeElsewhere("8");
        String select = c.command("a SELECT INBOX (QRESYNC (" + validity + " " + before + "))");
        assertTrue(select.contains("* VANISHED (EARLIER) 3:4,8\r\n"), select);
    }

    @Test
    void sequenceMatchDataNarrowsTheAnswer() {
        expungeElsewhere("3:4");
        String clientSeen = highest(); // the client's last sync: 1,2,5,6,7,8,9,10 as seq 1..8
        expungeElsewhere("8");
        String plain = c.command("a SELECT INBOX (QRESYNC (" + validity + " " + (Long.parseLong(clientSeen) - 1) + " 1:10))");
        assertTrue(plain.contains("* VANISHED (EARLIER) 3:4,8\r\n"), plain);
        // Seq 3 still has UID 5 and seq 5 UID 7: nothing up to UID 7 went since the client looked.
        String narrowed = c.command("b SELECT INBOX (QRESYNC (" + validity + " " + (Long.parseLong(clientSeen) - 1)
                + " 1:10 (1:5 1:2,5:7)))");
        assertTrue(narrowed.contains("* VANISHED (EARLIER) 8\r\n"), narrowed);
        // A pair that no longer matches stops the narrowing there (the answer stays a superset).
        String stale = c.command("c SELECT INBOX (QRESYNC (" + validity + " 1 (1,2,6 1,2,8)))");
        assertTrue(stale.contains("* VANISHED (EARLIER) 3:4,8\r\n"), stale);
    }

    @Test
    void badQresyncParameters() {
        assertTrue(c.command("a SELECT INBOX (QRESYNC (" + validity + " 1 1:* ))").startsWith("a BAD"), "no * in known-uids");
        assertTrue(c.command("b SELECT INBOX (QRESYNC (" + validity + " 1 1:10 (1:3 1:2)))").startsWith("b BAD"),
                "the match sets differ in size");
        assertTrue(c.command("c SELECT INBOX (QRESYNC (" + validity + " 1 1:10 (1:* 1:2)))").startsWith("c BAD"));
        assertTrue(c.command("d SELECT INBOX (QRESYNC (" + validity + " 1 (1:2 4:5)))").contains("d OK"),
                "match data without known-uids");
    }

    @Test
    void aMessageNotYetAnnouncedIsNeverReportedVanished() {
        c.expectOk("a SELECT INBOX");
        ImapClient other = server.alice();
        other.send("p APPEND INBOX {" + MSG.length() + "+}\r\n" + MSG + "\r\n"); // UID 11, not yet told to c
        String fetch = c.command("b UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)");
        assertFalse(fetch.contains("VANISHED"), "UIDs 1 to 10 are all there, 11 is new: " + fetch);
        assertTrue(fetch.contains("* 11 EXISTS\r\n"), "announced at the end of the command: " + fetch);
        other.expectOk("s SELECT INBOX");
        other.expectOk("t UID STORE 11 +FLAGS.SILENT (\\Deleted)");
        other.expectOk("x EXPUNGE");
        // Expunged but not announced yet: still in c's view, its VANISHED comes as a plain one.
        String again = c.command("d UID FETCH 11 (FLAGS) (CHANGEDSINCE 1 VANISHED)");
        assertTrue(again.startsWith("* 11 FETCH (UID 11 FLAGS ("), again);
        assertTrue(again.contains("* VANISHED 11\r\n") && !again.contains("EARLIER"), again);
        assertTrue(c.command("e UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)").startsWith("* VANISHED (EARLIER) 11\r\n"));
    }

    @Test
    void selectReportsUidNextAndHighestModSeqOfItsSnapshot() {
        String modseq = highest();
        String select = c.command("a SELECT INBOX");
        assertTrue(select.contains("* OK [UIDNEXT 11] Predicted next UID\r\n"), select);
        assertTrue(select.contains("* OK [HIGHESTMODSEQ " + modseq + "] Highest\r\n"), select);
        expungeElsewhere("10");
        // UIDNEXT does not move back when the last message goes; the expunge is reported once told.
        assertTrue(c.command("b NOOP").startsWith("* VANISHED 10\r\n"));
        assertTrue(c.command("c UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + modseq + " VANISHED)")
                .startsWith("* VANISHED (EARLIER) 10\r\n"), "UIDs up to UIDNEXT-1 are covered by *");
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError(regex + " not in " + text);
        }
        return m.group(1);
    }
}
