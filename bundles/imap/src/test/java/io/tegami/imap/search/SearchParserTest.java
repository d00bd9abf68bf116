package io.tegami.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tegami.imap.message.SearchKey;
import io.tegami.imap.message.SearchKey.And;
import io.tegami.imap.message.SearchKey.Flag;
import io.tegami.imap.message.SearchKey.Header;
import io.tegami.imap.message.SearchKey.Not;
import io.tegami.imap.message.SearchKey.Or;
import io.tegami.imap.message.SearchKey.Range;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.Literal;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.RawCommand;

class SearchParserTest {

    static SearchRequest parse(String args) throws ParseException {
        CommandReader r = new CommandReader(RawCommand.of(args.getBytes(StandardCharsets.UTF_8)));
        SearchRequest s = SearchParser.parse(r);
        r.end();
        return s;
    }

    @Test
    void rfc3501Example() throws ParseException {
        SearchRequest s = parse("FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"");
        assertNull(s.returnOptions());
        assertEquals(new And(List.of(new Flag("\\Flagged", true),
                new SearchKey.Date(SearchKey.DateField.INTERNAL, SearchKey.Relation.SINCE, LocalDate.of(1994, 2, 1)),
                new Not(new Header("FROM", "Smith")))), s.key());
    }

    @Test
    void nestingOrAndSets() throws ParseException {
        SearchKey k = parse("OR (UNSEEN 1:3) UID 5:*").key();
        assertEquals(new Or(new And(List.of(new Flag("\\Seen", false), new SearchKey.Sequence(List.of(new Range(1, 3))))),
                new SearchKey.Uid(List.of(new Range(5, Long.MAX_VALUE)))), k);
        assertEquals(new SearchKey.All(), parse("(ALL)").key());
        assertEquals(new Header("X-Spam", ""), parse("HEADER X-Spam \"\"").key());
        assertEquals(new Flag("$Junk", false), parse("UNKEYWORD $Junk").key());
        assertEquals(new SearchKey.Size(100, true), parse("LARGER 100").key());
        assertEquals(new SearchKey.New(), parse("NEW").key());
        assertEquals(new Flag("\\Recent", false), parse("OLD").key());
        assertEquals(new SearchKey.ModSeq(720162338), parse("MODSEQ \"/flags/\\\\draft\" all 720162338").key());
        assertEquals(new SearchKey.Text("x", true), parse("TEXT x").key());
        assertEquals(new SearchKey.Text("y", false), parse("BODY y").key());
    }

    @Test
    void charsetAndLiterals() throws ParseException {
        byte[] latin1 = "Grüße".getBytes(StandardCharsets.ISO_8859_1);
        RawCommand c = new RawCommand(List.of("CHARSET ISO-8859-1 SUBJECT {5}".getBytes(), new byte[0]),
                List.of(Literal.of(latin1)));
        CommandReader r = new CommandReader(c);
        assertEquals(new Header("SUBJECT", "Grüße"), SearchParser.parse(r).key());
        assertThrows(UnsupportedCharsetException.class, () -> parse("CHARSET X-NOPE ALL"));
        assertEquals(new Header("TO", "ü"), parse("CHARSET UTF-8 TO \"ü\"").key());
    }

    @Test
    void returnOptions() throws ParseException {
        assertEquals(Set.of("MIN", "COUNT"), parse("RETURN (MIN COUNT) ALL").returnOptions());
        assertTrue(parse("RETURN () ALL").returnOptions().isEmpty());
        assertTrue(parse("RETURN () ALL").extended());
        assertFalse(parse("ALL").extended());
        assertThrows(ParseException.class, () -> parse("RETURN (FOO) ALL"));
    }

    @Test
    void badKeys() {
        for (String bad : new String[] {"", "FOO", "SINCE 30-Feb-2000", "LARGER x", "OR ALL", "NOT", "(ALL", "UID", "KEYWORD \\*",
                "HEADER \"a:b\" x", "ALL)", "$"}) {
            assertThrows(ParseException.class, () -> parse(bad), bad);
        }
    }

    @Test
    void nestingIsBounded() {
        assertThrows(ParseException.class, () -> parse("NOT ".repeat(1000) + "ALL"));
        assertThrows(ParseException.class, () -> parse("(".repeat(1000) + "ALL" + ")".repeat(1000)));
        assertThrows(ParseException.class, () -> parse("ALL ".repeat(20_000) + "ALL"));
    }
}
