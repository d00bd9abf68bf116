package io.tegami.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.net.Line;

class CommandAssemblerTest {

    @TempDir
    Path tmp;

    final List<String> checked = new ArrayList<>();

    /** Accepts everything but literals over 1000 octets, except for APPEND (up to 10 MB). */
    final LiteralPolicy policy = new LiteralPolicy() {
        @Override
        public String check(CommandPrefix prefix, long size, long commandBytes) {
            checked.add(prefix.tag() + " " + prefix.name() + " " + size);
            if ("APPEND".equals(prefix.name())) {
                return size > 10_000_000 ? "NO [TOOBIG] Mail size is too large." : null;
            }
            return "NOPE".equals(prefix.name()) ? "BAD Unknown command." : null;
        }

        @Override
        public boolean countsTowardsLength(CommandPrefix prefix) {
            return !"APPEND".equals(prefix.name());
        }
    };

    CommandAssembler assembler(long maxLength) {
        return new CommandAssembler(maxLength, 64, () -> tmp, policy);
    }

    static Line line(String s) {
        return new Line(s.getBytes(StandardCharsets.UTF_8), Line.Ending.CRLF);
    }

    static Line fragment(String s) {
        return new Line(s.getBytes(StandardCharsets.UTF_8), Line.Ending.NONE);
    }

    static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlainLineIsACommand() {
        var step = assembler(1000).line(line("a1 NOOP"));
        RawCommand c = assertInstanceOf(CommandAssembler.Complete.class, step).command();
        assertEquals(1, c.lines().size());
        assertEquals("a1 NOOP", new String(c.lines().get(0), StandardCharsets.US_ASCII));
    }

    @Test
    void fragmentsArePutTogether() {
        CommandAssembler a = assembler(1000);
        assertInstanceOf(CommandAssembler.Pending.class, a.line(fragment("a1 LOGIN al")));
        assertInstanceOf(CommandAssembler.Pending.class, a.line(fragment("ice ")));
        RawCommand c = ((CommandAssembler.Complete) a.line(line("secret"))).command();
        assertEquals("a1 LOGIN alice secret", new String(c.lines().get(0), StandardCharsets.US_ASCII));
    }

    @Test
    void synchronizingLiteralSplitAtAwkwardPlaces() throws IOException {
        CommandAssembler a = assembler(1000);
        var await = assertInstanceOf(CommandAssembler.AwaitLiteral.class, a.line(line("a1 LOGIN {5}")));
        assertEquals(5, await.size());
        assertTrue(await.synchronizing());
        assertTrue(a.inLiteral());
        assertInstanceOf(CommandAssembler.Pending.class, a.bytes(bytes("al"), false));
        assertInstanceOf(CommandAssembler.Pending.class, a.bytes(bytes("i"), false));
        assertInstanceOf(CommandAssembler.Pending.class, a.bytes(bytes("ce"), true));
        assertFalse(a.inLiteral());
        var second = assertInstanceOf(CommandAssembler.AwaitLiteral.class, a.line(line(" {6+}")));
        assertFalse(second.synchronizing());
        a.bytes(bytes("sec\r\nt"), true);
        RawCommand c = ((CommandAssembler.Complete) a.line(line(""))).command();
        assertEquals(3, c.lines().size());
        assertEquals("alice", c.literals().get(0).text());
        assertEquals("sec\r\nt", c.literals().get(1).text());
        CommandReader r = new CommandReader(c);
        try {
            assertEquals("a1", r.tag());
            r.sp();
            assertEquals("LOGIN", r.keyword());
            r.sp();
            assertEquals("alice", r.astring());
            r.sp();
            assertEquals("sec\r\nt", r.astring());
            r.end();
        } catch (ParseException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    @Test
    void aZeroLengthLiteralIsFine() {
        CommandAssembler a = assembler(1000);
        assertInstanceOf(CommandAssembler.AwaitLiteral.class, a.line(line("a1 SELECT {0}")));
        a.bytes(ByteBuffer.allocate(0), true);
        RawCommand c = ((CommandAssembler.Complete) a.line(line(""))).command();
        assertEquals("", c.literals().get(0).text());
    }

    @Test
    void bigLiteralsGoToDiskAndAreDeleted() throws IOException {
        CommandAssembler a = assembler(1000);
        assertInstanceOf(CommandAssembler.AwaitLiteral.class, a.line(line("a1 APPEND INBOX {100}")));
        String body = "x".repeat(100);
        a.bytes(bytes(body.substring(0, 33)), false);
        a.bytes(bytes(body.substring(33)), true);
        try (RawCommand c = ((CommandAssembler.Complete) a.line(line(""))).command()) {
            Literal lit = c.literals().get(0);
            assertFalse(lit.inMemory());
            assertEquals(100, lit.size());
            try (InputStream in = lit.open()) {
                assertArrayEquals(body.getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
            }
            assertEquals(1, files());
        }
        assertEquals(0, files());
    }

    @Test
    void resetMidLiteralDeletesTheTemporaryFile() throws IOException {
        CommandAssembler a = assembler(1000);
        a.line(line("a1 APPEND INBOX {100000}"));
        a.bytes(bytes("x".repeat(500)), false);
        assertEquals(1, files());
        a.reset();
        assertEquals(0, files());
        assertFalse(a.inCommand());
    }

    @Test
    void refusedSynchronizingLiteralIsAnsweredAndForgotten() {
        CommandAssembler a = assembler(1000);
        var refused = assertInstanceOf(CommandAssembler.Refused.class, a.line(line("t7 APPEND INBOX {20000000}")));
        assertEquals("t7", refused.tag());
        assertEquals("NO [TOOBIG] Mail size is too large.", refused.response());
        assertFalse(refused.close());
        assertFalse(a.inCommand());
        assertInstanceOf(CommandAssembler.Complete.class, a.line(line("t8 NOOP")));
    }

    @Test
    void refusedNonSynchronizingLiteralClosesTheSession() {
        var refused = assertInstanceOf(CommandAssembler.Refused.class, assembler(1000).line(line("t7 NOPE {5+}")));
        assertTrue(refused.close());
        assertEquals("BAD Unknown command.", refused.response());
    }

    @Test
    void literalsOfOrdinaryCommandsCountTowardsTheLengthLimit() {
        CommandAssembler a = assembler(100);
        var refused = assertInstanceOf(CommandAssembler.Refused.class, a.line(line("t1 LOGIN {200}")));
        assertTrue(refused.response().startsWith("BAD"));
        assertEquals("t1", refused.tag());
        assertInstanceOf(CommandAssembler.AwaitLiteral.class, a.line(line("t2 APPEND INBOX {200}")));
    }

    @Test
    void absurdLiteralSizesAreRefusedWithoutParsingThem() {
        var refused = assertInstanceOf(CommandAssembler.Refused.class,
                assembler(1000).line(line("t1 LOGIN {99999999999999999999999}")));
        assertTrue(refused.response().contains("Literal size too large"));
        assertTrue(checked.isEmpty());
    }

    @Test
    void overLongLineIsRefusedWithItsTagOnceItEnds() {
        CommandAssembler a = assembler(50);
        assertInstanceOf(CommandAssembler.Pending.class, a.line(fragment("big1 FETCH 1:" + "9,".repeat(20))));
        assertInstanceOf(CommandAssembler.Pending.class, a.line(fragment("9,".repeat(40))));
        var refused = assertInstanceOf(CommandAssembler.Refused.class, a.line(line("1 FLAGS")));
        assertEquals("big1", refused.tag());
        assertTrue(refused.response().startsWith("BAD"));
        assertFalse(refused.close());
        assertInstanceOf(CommandAssembler.Complete.class, a.line(line("next NOOP")));
    }

    @Test
    void overLongLineAnnouncingANonSynchronizingLiteralCloses() {
        CommandAssembler a = assembler(20);
        var refused = assertInstanceOf(CommandAssembler.Refused.class, a.line(line("t1 LOGIN " + "x".repeat(30) + " {5+}")));
        assertTrue(refused.close());
    }

    @Test
    void onlyOneLiteralPerCommandMayGoToDisk() {
        CommandAssembler a = assembler(1000);
        a.line(line("a1 APPEND INBOX {100}"));
        a.bytes(bytes("x".repeat(100)), true);
        var refused = assertInstanceOf(CommandAssembler.Refused.class, a.line(line(" {100}")));
        assertTrue(refused.response().contains("Too many large literals"));
    }

    @Test
    void markerParsing() {
        assertNull(CommandAssembler.literalMarker("a1 NOOP".getBytes(StandardCharsets.US_ASCII)));
        assertNull(CommandAssembler.literalMarker("{}".getBytes(StandardCharsets.US_ASCII)));
        assertNull(CommandAssembler.literalMarker("a {x}".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(new long[] {12, 0}, CommandAssembler.literalMarker("a {12}".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(new long[] {0, 1}, CommandAssembler.literalMarker("a {0+}".getBytes(StandardCharsets.US_ASCII)));
    }

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.count();
        }
    }
}
