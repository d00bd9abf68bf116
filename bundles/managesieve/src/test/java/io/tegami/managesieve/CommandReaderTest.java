package io.tegami.managesieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.managesieve.session.CommandReader;
import io.tegami.managesieve.session.Responses;
import io.tegami.managesieve.session.Token;

/** RFC 5804 section 4 syntax: atoms, quoted strings, literals, and the response strings. */
class CommandReaderTest {

    @Test
    void atomsAndQuotedStringsWithEscapes() {
        CommandReader r = new CommandReader(100);
        CommandReader.Complete c = (CommandReader.Complete) r.line("HAVESPACE \"a \\\"b\\\\\" 123");
        assertEquals(List.of(new Token("HAVESPACE", true, 9, false), new Token("a \"b\\", false, 5, false),
                new Token("123", true, 3, false)), c.tokens());
        assertEquals("Invalid escape in quoted string.", ((CommandReader.Bad) r.line("NOOP \"a\\b\"")).reason());
        assertInstanceOf(CommandReader.Bad.class, r.line("NOOP {12"));
        assertInstanceOf(CommandReader.Bad.class, r.line("NOOP {x+}"));
    }

    @Test
    void literalsSynchronizingOrNotAndOversized() {
        CommandReader r = new CommandReader(4);
        assertEquals(new CommandReader.Literal(3), r.line("PUTSCRIPT \"s\" {3+}"));
        r.bytes(ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8)), false);
        r.bytes(ByteBuffer.wrap("c".getBytes(StandardCharsets.UTF_8)), true);
        CommandReader.Complete c = (CommandReader.Complete) r.line("");
        assertEquals("abc", c.tokens().get(2).text());
        assertEquals(new CommandReader.Literal(6), r.line("PUTSCRIPT \"s\" {6}"));
        r.bytes(ByteBuffer.wrap("abcdef".getBytes(StandardCharsets.UTF_8)), true);
        Token big = ((CommandReader.Complete) r.line("")).tokens().get(2);
        assertTrue(big.truncated());
        assertEquals(6, big.size());
        assertEquals("", big.text());
    }

    @Test
    void responseStringsAreQuotedOrLiteral() {
        assertEquals("\"a\\\"b\"", Responses.string("a\"b"));
        assertEquals("{4}\r\na\r\nb", Responses.string("a\r\nb"));
        assertEquals("NO (QUOTA/MAXSIZE) \"x\"", Responses.response("NO", "QUOTA/MAXSIZE", "x"));
    }
}
