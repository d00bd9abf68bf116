package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample session of RFC 3501 section 8 and the examples of section 6, against the real
 * Maildir store: the same commands, the responses in the RFC's shapes (texts are Dovecot's).
 */
class Rfc3501TranscriptTest {

    static final String MESSAGE = "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\n"
            + "From: Terry Gray <gray@cac.washington.edu>\r\n"
            + "Subject: IMAP4rev1 WG mtg summary and minutes\r\n"
            + "To: imap@cac.washington.edu\r\n"
            + "cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\n"
            + "Message-Id: <B27397-0100000@cac.washington.edu>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n"
            + "\r\n"
            + "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";

    @TempDir
    Path dir;
    ImapHarness server;

    @BeforeEach
    void start() {
        server = new ImapHarness(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** APPENDs {@code n} copies of the sample message to alice's INBOX through a session of its own. */
    static void deliver(ImapHarness server, int n) {
        ImapClient c = server.alice();
        for (int i = 0; i < n; i++) {
            c.send("d" + i + " APPEND INBOX {" + MESSAGE.length() + "+}\r\n" + MESSAGE + "\r\n");
        }
        c.command("dz LOGOUT");
    }

    @Test
    void sampleConnectionOfSection8() {
        deliver(server, 18);
        ImapClient c = server.connect();
        assertTrue(c.greeting.matches("\\* OK \\[CAPABILITY IMAP4rev1 [^\\]]*\\] Tegami ready\\.\r\n"), c.greeting);

        String login = c.command("a001 login alice secret");
        assertTrue(login.matches("a001 OK \\[CAPABILITY IMAP4rev1 [^\\]]*\\] Logged in\r\n"), login);

        String select = c.command("a002 select inbox");
        List<String> lines = List.of(select.split("\r\n"));
        assertEquals("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\Recent)", lines.get(0));
        assertEquals("* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.", lines.get(1));
        assertEquals("* 18 EXISTS", lines.get(2));
        assertEquals("* 18 RECENT", lines.get(3));
        assertEquals("* OK [UNSEEN 1] First unseen.", lines.get(4));
        assertTrue(lines.get(5).matches("\\* OK \\[UIDVALIDITY \\d+\\] UIDs valid"), lines.get(5));
        assertEquals("* OK [UIDNEXT 19] Predicted next UID", lines.get(6));
        assertTrue(lines.get(7).matches("\\* OK \\[HIGHESTMODSEQ \\d+\\] Highest"), lines.get(7));
        assertEquals("a002 OK [READ-WRITE] Select completed.", lines.get(8));

        String full = c.command("a003 fetch 12 full");
        assertTrue(Pattern.compile("^\\* 12 FETCH \\(FLAGS \\(\\\\Recent\\) INTERNALDATE \"[^\"]+\" RFC822\\.SIZE "
                + MESSAGE.length() + " ENVELOPE \\(\"Wed, 17 Jul 1996 02:23:25 -0700 \\(PDT\\)\" "
                + "\"IMAP4rev1 WG mtg summary and minutes\" \\(\\(\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"\\)\\).* "
                + "BODY \\(\"TEXT\" \"PLAIN\" \\(\"CHARSET\" \"US-ASCII\"\\) NIL NIL \"7bit\" 55 1\\)\\)\r\na003 OK Fetch completed\\.\r\n$",
                Pattern.DOTALL).matcher(full).matches(), full);

        String header = c.command("a004 fetch 12 body[header]");
        int headerLength = MESSAGE.indexOf("\r\n\r\n") + 4;
        assertEquals("* 12 FETCH (BODY[HEADER] {" + headerLength + "}\r\n" + MESSAGE.substring(0, headerLength)
                + " FLAGS (\\Seen \\Recent))\r\na004 OK Fetch completed.\r\n", header);

        assertEquals("* 12 FETCH (FLAGS (\\Deleted \\Seen \\Recent))\r\na005 OK Store completed.\r\n",
                c.command("a005 store 12 +flags \\deleted"));

        assertEquals("* BYE Logging out\r\na006 OK Logout completed.\r\n", c.command("a006 logout"));
        assertTrue(c.isClosed());
    }

    @Test
    void expungeNumbersAsInSection6_4_3() {
        deliver(server, 11);
        ImapClient c = server.alice();
        c.expectOk("s SELECT INBOX");
        c.expectOk("a STORE 3:4,7,11 +FLAGS.SILENT (\\Deleted)");
        assertEquals("* 3 EXPUNGE\r\n* 3 EXPUNGE\r\n* 5 EXPUNGE\r\n* 8 EXPUNGE\r\nA202 OK Expunge completed.\r\n",
                c.command("A202 EXPUNGE"));
        assertTrue(c.command("n NOOP").startsWith("n OK"));
    }

    @Test
    void storeExamplesOfSection6_4_6() {
        deliver(server, 4);
        ImapClient c = server.alice();
        c.expectOk("s SELECT INBOX");
        c.expectOk("x STORE 1:4 FLAGS (\\Seen)");
        c.expectOk("y STORE 3 -FLAGS (\\Seen)");
        c.expectOk("z STORE 4 +FLAGS.SILENT (\\Flagged)");
        assertEquals("* 2 FETCH (FLAGS (\\Deleted \\Seen \\Recent))\r\n* 3 FETCH (FLAGS (\\Deleted \\Recent))\r\n"
                + "* 4 FETCH (FLAGS (\\Flagged \\Deleted \\Seen \\Recent))\r\nA003 OK Store completed.\r\n",
                c.command("A003 STORE 2:4 +FLAGS (\\Deleted)"));
    }
}
