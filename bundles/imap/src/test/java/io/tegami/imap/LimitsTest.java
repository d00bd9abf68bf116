package io.tegami.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets BAD with a reason and the session goes on; unknown commands likewise; limits on
 * literals, lines and bad commands; timeouts and shutdown say BYE; a client that vanishes
 * mid-literal leaves nothing behind.
 */
class LimitsTest {

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

    @Test
    void badCommandsGetReasons() {
        ImapClient c = server.connect();
        assertEquals("a BAD Error in IMAP command FOO: Unknown command.\r\n", c.command("a FOO bar"));
        assertEquals("* BAD Error in IMAP command received by server.\r\n", c.command("+ NOOP"));
        assertEquals("b BAD Error in IMAP command received by server.\r\n", c.command("b"));
        assertEquals("c BAD Error in IMAP command NOOP: Extra arguments.\r\n", c.command("c NOOP now"));
        assertEquals("d BAD Error in IMAP command LOGIN: Missing arguments.\r\n", c.command("d LOGIN alice"));
        assertEquals("e BAD Error in IMAP command LOGIN: Missing '\"'.\r\n", c.command("e LOGIN \"alice secret"));
        assertEquals("f BAD Error in IMAP command UID FOO: Unknown command.\r\n", c.command("f UID FOO 1"));
        assertEquals("", c.send("\r\n"), "an empty line is ignored");
        assertTrue(c.command("g NOOP").startsWith("g OK"));
        c.expectOk("h LOGIN alice secret");
        assertEquals("i BAD No mailbox selected.\r\n", c.command("i FETCH 1 FLAGS"));
        c.expectOk("j SELECT INBOX");
        assertEquals("k BAD Error in IMAP command FETCH: Invalid messageset.\r\n", c.command("k FETCH 0 FLAGS"));
        assertEquals("l BAD Error in IMAP command SEARCH: Missing arguments.\r\n", c.command("l SEARCH"));
        assertTrue(c.command("m NOOP").startsWith("m OK"));
    }

    @Test
    void tooManyBadCommandsEndTheSession() {
        ImapClient c = server.connect();
        String last = "";
        for (int i = 0; i < 20 && !c.isClosed(); i++) {
            last = c.command("x" + i + " BOGUS");
        }
        assertTrue(last.endsWith("* BYE Too many invalid IMAP commands.\r\n"), last);
        assertTrue(c.isClosed());
    }

    @Test
    void literalsOverTheLimitAreRefusedBeforeTheClientSendsThem() {
        server.params.set("imap_max_line_length", "2048");
        ImapClient c = server.alice();
        // Synchronizing: answered instead of "+", and the command is forgotten.
        assertEquals("a BAD Error in IMAP command received by server: Too long argument.\r\n", c.command("a SELECT {5000}"));
        assertTrue(c.command("b NOOP").startsWith("b OK"));
        // An unknown command never gets its "+".
        assertEquals("c BAD Error in IMAP command XYZ: Unknown command.\r\n", c.command("c XYZ {5}"));
        // Non-synchronizing: the octets are on their way; the session must end.
        ImapClient d = server.alice();
        String out = d.send("d SELECT {5000+}\r\n");
        assertEquals("d BAD Error in IMAP command received by server: Too long argument.\r\n* BYE Command refused, disconnecting.\r\n", out);
        assertTrue(d.isClosed());
    }

    @Test
    void longLinesAreBounded() {
        ImapClient c = server.alice();
        c.expectOk("s SELECT INBOX");
        String set = "1," + "1,".repeat(40_000) + "1";
        assertEquals("big BAD Error in IMAP command received by server: Too long argument.\r\n", c.command("big FETCH " + set + " FLAGS"));
        assertTrue(c.command("n NOOP").startsWith("n OK"));
        // Within the limit, a long sequence set is fine (and costs nothing).
        String ok = c.command("u UID FETCH " + "1:4294967295,".repeat(1000) + "1 FLAGS");
        assertEquals("u OK Fetch completed.\r\n", ok);
    }

    @Test
    void appendOfABigMessageStreamsThroughATemporaryFile() throws IOException {
        ImapClient c = server.alice();
        c.chunkSize = 7777;
        StringBuilder big = new StringBuilder("Subject: big\r\n\r\n");
        while (big.length() < 600_000) {
            big.append("0123456789".repeat(7)).append("\r\n");
        }
        String ok = c.send("a APPEND INBOX {" + big.length() + "+}\r\n" + big + "\r\n");
        assertTrue(ok.startsWith("a OK [APPENDUID"), ok);
        assertEquals(0, tempFiles());
        c.expectOk("s SELECT INBOX");
        String fetched = c.command("f FETCH 1 BODY.PEEK[]");
        assertTrue(fetched.startsWith("* 1 FETCH (BODY[] {" + big.length() + "}\r\n" + big), fetched.substring(0, 100));
    }

    @Test
    void aClientThatVanishesMidLiteralFreesEverything() throws IOException {
        ImapClient c = server.alice();
        c.send("a APPEND INBOX {600000}\r\n");
        c.send("x".repeat(300_000));
        assertEquals(1, tempFiles());
        c.disconnect();
        assertEquals(0, tempFiles());
        ImapClient d = server.alice();
        assertTrue(d.command("s STATUS INBOX (MESSAGES)").contains("(MESSAGES 0)"));
    }

    @Test
    void inactivityAndShutdownSayBye() {
        ImapClient c = server.alice();
        c.session.idle();
        assertEquals("* BYE Disconnected for inactivity.\r\n", c.connection.take());
        assertFalse(c.connection.isOpen());
        ImapClient d = server.connect();
        d.session.shutdown();
        assertEquals("* BYE Server shutting down.\r\n", d.connection.take());
        assertFalse(d.connection.isOpen());
    }

    @Test
    void withoutAStoreLoginFailsTemporarily() {
        server.handler.removeStore(server.store);
        ImapClient c = server.connect();
        assertEquals("a NO [UNAVAILABLE] Temporary failure: mail storage is not available. Try again later.\r\n",
                c.command("a LOGIN alice secret"));
        c.expectOk("b NOOP");
    }

    private long tempFiles() throws IOException {
        Path tmp = dir.resolve("data").resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("imap-literal-")).count();
        }
    }
}
