package io.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.tegami.api.store.Flags;

/**
 * RFC 1939's examples, replayed: the example session of section 10 (APOP, STAT, LIST, RETR, DELE,
 * QUIT) and the examples given with each command in sections 5 to 7. Status indicators and the
 * data the RFC fixes (counts, sizes, message numbers) must match; the free text is Dovecot's.
 */
class TranscriptTest {

    /** A message of exactly {@code size} octets with CRLF line endings. */
    static String message(String subject, int size) {
        String head = "Subject: " + subject + "\r\n\r\n";
        int fill = size - head.length() - 2;
        if (fill < 0) {
            throw new IllegalArgumentException("too small");
        }
        return head + "x".repeat(fill) + "\r\n";
    }

    @Test
    void section10ExampleSession() {
        Pop3Harness h = new Pop3Harness();
        h.params.set("auth_mechanisms", "plain login apop");
        String one = message("one", 120);
        String two = message("two", 200);
        h.inbox("mrose").add(one);
        h.inbox("mrose").add(two);

        String greeting = h.start();
        Matcher m = Pattern.compile("^\\+OK Tegami ready\\. (<[^>]+@mail\\.example\\.org>)\r\n$").matcher(greeting);
        assertTrue(m.matches(), greeting);
        String digest = io.tegami.pop3.auth.ApopTestAccess.md5Hex(m.group(1) + "tanstaaf");
        assertEquals("+OK Logged in.\r\n", h.send("APOP mrose " + digest));
        assertEquals("+OK 2 320\r\n", h.send("STAT"));
        assertEquals("+OK 2 messages:\r\n1 120\r\n2 200\r\n.\r\n", h.send("LIST"));
        assertEquals("+OK 120 octets\r\n" + one + ".\r\n", h.send("RETR 1"));
        assertEquals("+OK Marked to be deleted.\r\n", h.send("DELE 1"));
        assertEquals("+OK 200 octets\r\n" + two + ".\r\n", h.send("RETR 2"));
        assertEquals("+OK Marked to be deleted.\r\n", h.send("DELE 2"));
        assertEquals("+OK Logging out, messages deleted.\r\n", h.send("QUIT"));
        assertFalse(h.open());
        assertEquals(List.of(), h.inbox("mrose").uids(), "maildrop empty");
    }

    @Test
    void commandExamplesOfSections5To7() {
        Pop3Harness h = new Pop3Harness();
        String one = message("one", 120);
        String two = "Subject: two\r\n\r\nline 1\r\nline 2\r\n.dotted line\r\nline 4\r\n";
        h.inbox("alice").add(one);
        h.inbox("alice").add(two);
        h.start();
        // USER/PASS (section 7)
        assertEquals("+OK\r\n", h.send("USER alice"));
        assertEquals("+OK Logged in.\r\n", h.send("PASS secret"));
        // STAT: "+OK 2 320"-shaped
        assertEquals("+OK 2 " + (120 + two.length()) + "\r\n", h.send("STAT"));
        // LIST with an argument, and for a message that does not exist
        assertEquals("+OK 2 " + two.length() + "\r\n", h.send("LIST 2"));
        assertEquals("-ERR There's no message 3.\r\n", h.send("LIST 3"));
        // RETR stuffs the dotted line; the octet count is the unstuffed size
        assertEquals("+OK " + two.length() + " octets\r\nSubject: two\r\n\r\nline 1\r\nline 2\r\n..dotted line\r\nline 4\r\n.\r\n",
                h.send("RETR 2"));
        // DELE, then DELE again: "-ERR message 2 already deleted"
        assertEquals("+OK Marked to be deleted.\r\n", h.send("DELE 1"));
        assertEquals("-ERR Message is deleted.\r\n", h.send("DELE 1"));
        assertEquals("+OK 1 " + two.length() + "\r\n", h.send("STAT"));
        assertEquals("+OK 1 messages:\r\n2 " + two.length() + "\r\n.\r\n", h.send("LIST"));
        // NOOP, RSET
        assertEquals("+OK\r\n", h.send("NOOP"));
        assertEquals("+OK\r\n", h.send("RSET"));
        assertEquals("+OK 2 " + (120 + two.length()) + "\r\n", h.send("STAT"));
        // TOP 2 2: the header, the blank line and two body lines; TOP beyond the end sends it all
        assertEquals("+OK\r\nSubject: two\r\n\r\nline 1\r\nline 2\r\n.\r\n", h.send("TOP 2 2"));
        assertEquals("+OK\r\n" + two.replace("\r\n.d", "\r\n..d") + ".\r\n", h.send("TOP 2 100"));
        // UIDL with and without an argument (Dovecot's %08Xu%08Xv)
        assertEquals("+OK\r\n1 000000016b09f2d0\r\n2 000000026b09f2d0\r\n.\r\n", h.send("UIDL"));
        assertEquals("+OK 2 000000026b09f2d0\r\n", h.send("UIDL 2"));
        // RSET forgot that RETR 2 read message 2; RETR 1 reads message 1 now
        assertEquals("+OK 120 octets\r\n" + one + ".\r\n", h.send("RETR 1"));
        // QUIT without deletions
        assertEquals("+OK Logging out.\r\n", h.send("QUIT"));
        assertEquals(2, h.inbox("alice").uids().size());
        // RETR sets \Seen at QUIT (RSET undoes it; TOP does not set it)
        assertTrue(h.inbox("alice").flags(1).contains(Flags.SEEN));
        assertFalse(h.inbox("alice").flags(2).contains(Flags.SEEN));
    }

    @Test
    void pipelinedCommandsAnswerInOrder() {
        Pop3Harness h = new Pop3Harness();
        h.inbox("alice").add(message("one", 50));
        h.start();
        String replies = h.pipeline("USER alice", "PASS secret", "STAT", "UIDL 1", "QUIT");
        assertEquals("+OK\r\n+OK Logged in.\r\n+OK 1 50\r\n+OK 1 000000016b09f2d0\r\n+OK Logging out.\r\n", replies);
    }
}
