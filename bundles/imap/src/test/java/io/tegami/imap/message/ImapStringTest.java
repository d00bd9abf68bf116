package io.tegami.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImapStringTest {

    private static String nstring(String s) {
        return new String(ImapString.nstring(s), StandardCharsets.ISO_8859_1);
    }

    @Test
    void quotedLiteralOrNil() {
        assertEquals("NIL", nstring(null));
        assertEquals("\"\"", nstring(""));
        assertEquals("\"NIL\"", nstring("NIL"));
        assertEquals("\"a b\"", nstring("a b"));
        assertEquals("\"a\\\"b\\\\c\"", nstring("a\"b\\c"));
        assertEquals("\"\\\"\\\"\\\"\\\"\"", nstring("\"\"\"\""));        // four escapes: still quoted
        assertEquals("{5}\r\n\"\"\"\"\"", nstring("\"\"\"\"\""));      // five: a literal is shorter
        assertEquals("{4}\r\na\r\nb", nstring("a\r\nb"));
        assertEquals("{5}\r\ncaf\u00c3\u00a9", nstring("café"));       // UTF-8 octets, counted as octets
        assertEquals("{3}\r\na\u0080b", nstring("a\0b"));               // NUL travels as 0x80
    }

    @Test
    void astringsAndAtoms() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImapString.astring(out, "INBOX");
        out.write(' ');
        ImapString.astring(out, "nil");
        out.write(' ');
        ImapString.astring(out, "a b");
        out.write(' ');
        ImapString.astring(out, "x]y");
        out.write(' ');
        ImapString.astring(out, "");
        assertEquals("INBOX \"nil\" \"a b\" x]y \"\"", out.toString(StandardCharsets.US_ASCII));
        assertTrue(ImapString.isAtom("$Forwarded"));
        assertFalse(ImapString.isAtom("a{b"));
        assertFalse(ImapString.isAtom("\u00e9"));
    }

    @Test
    void textForHumans() {
        assertEquals("a b c", ImapString.forHumans("  a\r\n\t b   c  "));
        assertEquals("", ImapString.forHumans(" \t\r\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImapString.humanNString(out, null);
        assertEquals("NIL", out.toString(StandardCharsets.US_ASCII));
        assertFalse(ImapString.needsLiteral("plain text (with) [brackets]"));
    }
}
