package io.tegami.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommandReaderTest {

    static CommandReader reader(String line) {
        return new CommandReader(RawCommand.of(line.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tagsAtomsAndQuotedStrings() throws ParseException {
        CommandReader r = reader("A.001 login \"fred \\\"the\\\" \\\\ boss\" ab]c");
        assertEquals("A.001", r.tag());
        r.sp();
        assertEquals("LOGIN", r.keyword());
        r.sp();
        assertEquals("fred \"the\" \\ boss", r.astring());
        r.sp();
        assertEquals("ab]c", r.astring());
        r.end();
    }

    @Test
    void badTokens() {
        assertThrows(ParseException.class, () -> reader("+tag NOOP").tag());
        assertThrows(ParseException.class, () -> reader("\"unterminated").astring());
        assertThrows(ParseException.class, () -> reader("\"bad \\escape\"").astring());
        assertThrows(ParseException.class, () -> reader("(x)").atom());
        assertThrows(ParseException.class, () -> reader("{5}").astring()); // a marker without a literal
        ParseException missing = assertThrows(ParseException.class, () -> {
            CommandReader r = reader("a LOGIN");
            r.tag();
            r.sp();
            r.atom();
            r.sp();
        });
        assertEquals("Missing arguments.", missing.getMessage());
        ParseException extra = assertThrows(ParseException.class, () -> {
            CommandReader r = reader("a NOOP x");
            r.tag();
            r.sp();
            r.atom();
            r.end();
        });
        assertEquals("Extra arguments.", extra.getMessage());
    }

    @Test
    void utf8InQuotedStringsAndNil() throws ParseException {
        CommandReader r = reader("\"Grüße\" NIL \"NIL\"");
        assertEquals("Grüße", r.string());
        r.sp();
        assertNull(r.nstring());
        r.sp();
        assertEquals("NIL", r.nstring());
    }

    @Test
    void flagsAndNumbers() throws ParseException {
        CommandReader r = reader("(\\Seen $Forwarded \\*) 4294967295 4294967296");
        assertEquals(List.of("\\Seen", "$Forwarded", "\\*"), r.flagList());
        r.sp();
        assertEquals(4294967295L, r.number());
        r.sp();
        assertThrows(ParseException.class, r::number);
    }

    @Test
    void listMailboxAllowsWildcards() throws ParseException {
        CommandReader r = reader("\"\" %/*");
        assertEquals("", r.astring());
        r.sp();
        assertEquals("%/*", r.listMailbox());
    }

    @Test
    void sequenceSets() throws ParseException {
        SequenceSet s = SequenceSet.parse("1:4,7,9:*,*:20");
        assertTrue(s.hasStar());
        SequenceSet.Resolved r = s.resolve(12);
        assertEquals(List.of(new SequenceSet.Range(1, 4), new SequenceSet.Range(7, 7), new SequenceSet.Range(9, 20)), r.ranges());
        assertTrue(r.contains(20));
        assertFalse(r.contains(5));
        assertEquals(20, r.max());
        assertEquals("1:4,7,9:*,*:20", s.toString());
        // A UID range past the last UID still includes the last one (RFC 3501 6.4.8).
        assertTrue(SequenceSet.parse("559:*").resolve(100).contains(100));
        // * in an empty mailbox means nothing.
        assertTrue(SequenceSet.parse("*").resolve(0).ranges().isEmpty());
        for (String bad : new String[] {"", "0", "1:0", ",1", "1,", "1::2", "a", "4294967296"}) {
            assertThrows(ParseException.class, () -> SequenceSet.parse(bad), bad);
        }
    }

    @Test
    void hugeSequenceSetsCostNoMemory() throws ParseException {
        SequenceSet.Resolved r = SequenceSet.parse("1:4294967295").resolve(5);
        assertEquals(1, r.ranges().size());
        assertTrue(r.contains(4_000_000_000L));
    }

    @Test
    void formatCompactsRuns() {
        assertEquals("1:3,5,7:8", SequenceSet.format(List.of(1L, 2L, 3L, 5L, 7L, 8L)));
        assertEquals("", SequenceSet.format(List.of()));
    }

    @Test
    void dates() throws ParseException {
        assertEquals(LocalDate.of(1994, 2, 1), ImapDates.parseDate("1-Feb-1994"));
        assertEquals(LocalDate.of(1994, 2, 1), ImapDates.parseDate("01-feb-1994"));
        assertThrows(ParseException.class, () -> ImapDates.parseDate("1-Foo-1994"));
        assertThrows(ParseException.class, () -> ImapDates.parseDate("30-Feb-1994"));
        Instant t = ImapDates.parseDateTime("17-Jul-1996 02:44:25 -0700");
        assertEquals(Instant.parse("1996-07-17T09:44:25Z"), t);
        assertEquals(t, ImapDates.parseDateTime(" 17-Jul-1996 02:44:25 -0700".substring(0)));
        assertEquals(Instant.parse("1996-07-01T09:44:25Z"), ImapDates.parseDateTime(" 1-Jul-1996 02:44:25 -0700"));
        assertThrows(ParseException.class, () -> ImapDates.parseDateTime("17-Jul-1996 02:44 -0700"));
        assertEquals("17-Jul-1996 09:44:25 +0000", ImapDates.formatDateTime(t, ZoneOffset.UTC));
        assertEquals("01-Jul-1996 02:44:25 -0700",
                ImapDates.formatDateTime(Instant.parse("1996-07-01T09:44:25Z"), ZoneOffset.ofHours(-7)));
    }

    @Test
    void stringsForResponses() {
        assertEquals("INBOX", ImapStrings.astring("INBOX"));
        assertEquals("\"NIL\"", ImapStrings.astring("NIL"));
        assertEquals("\"a b\"", ImapStrings.astring("a b"));
        assertEquals("\"q\\\"\\\\\"", ImapStrings.astring("q\"\\"));
        assertEquals("{4}\r\na\r\nb", ImapStrings.astring("a\r\nb"));
        assertEquals("{2}\r\nü", ImapStrings.string("ü"));
        assertEquals("\"\"", ImapStrings.astring(""));
    }

    @Test
    void prefixOfBrokenCommands() {
        assertEquals(new CommandPrefix("a1", "UID FETCH"), CommandPrefix.of("a1 uid fetch 1:* {5}".getBytes()));
        assertEquals(new CommandPrefix("a1", "APPEND"), CommandPrefix.of("a1 APPEND".getBytes()));
        assertEquals(new CommandPrefix(null, null), CommandPrefix.of("(".getBytes()));
        assertEquals(new CommandPrefix("t", null), CommandPrefix.of("t".getBytes()));
    }
}
