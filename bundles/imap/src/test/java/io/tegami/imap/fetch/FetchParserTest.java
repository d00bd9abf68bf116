package io.tegami.imap.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.imap.fetch.FetchItem.Attribute;
import io.tegami.imap.fetch.FetchItem.Section;
import io.tegami.imap.fetch.FetchItem.Simple;
import io.tegami.imap.message.SectionSpec;
import io.tegami.imap.message.SectionSpec.Text;
import io.tegami.imap.protocol.CommandReader;
import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.protocol.RawCommand;

class FetchParserTest {

    static FetchRequest parse(String items) throws ParseException {
        CommandReader r = new CommandReader(RawCommand.of(items.getBytes(StandardCharsets.UTF_8)));
        FetchRequest req = FetchParser.parse(r);
        r.end();
        return req;
    }

    static Section section(String items) throws ParseException {
        return (Section) parse(items).items().get(0);
    }

    @Test
    void macros() throws ParseException {
        assertEquals(List.of(new Simple(Attribute.FLAGS), new Simple(Attribute.INTERNALDATE), new Simple(Attribute.RFC822_SIZE),
                new Simple(Attribute.ENVELOPE), new Simple(Attribute.BODY)), parse("FULL").items());
        assertEquals(3, parse("fast").items().size());
        assertEquals(4, parse("ALL").items().size());
        assertThrows(ParseException.class, () -> parse("(ALL)"));
    }

    @Test
    void listsAndDuplicates() throws ParseException {
        FetchRequest r = parse("(UID FLAGS uid RFC822.SIZE MODSEQ)");
        assertEquals(List.of(new Simple(Attribute.UID), new Simple(Attribute.FLAGS), new Simple(Attribute.RFC822_SIZE),
                new Simple(Attribute.MODSEQ)), r.items());
        assertFalse(r.setsSeen());
        assertFalse(r.needsContent());
        assertThrows(ParseException.class, () -> parse("()"));
        assertThrows(ParseException.class, () -> parse("(UID FOO)"));
        assertThrows(ParseException.class, () -> parse("(UID"));
    }

    @Test
    void sectionGrammar() throws ParseException {
        Section whole = section("BODY[]");
        assertEquals(new SectionSpec(List.of(), Text.ALL, List.of(), -1, 0), whole.spec());
        assertEquals("BODY[]", whole.label());
        assertFalse(whole.peek());

        Section peek = section("BODY.PEEK[1.2.MIME]");
        assertEquals(new SectionSpec(List.of(1, 2), Text.MIME, List.of(), -1, 0), peek.spec());
        assertEquals("BODY[1.2.MIME]", peek.label());
        assertTrue(peek.peek());

        Section fields = section("body.peek[HEADER.FIELDS (From \"Subject\" x-priority)]<0.2048>");
        assertEquals(new SectionSpec(List.of(), Text.HEADER_FIELDS, List.of("FROM", "SUBJECT", "X-PRIORITY"), 0, 2048), fields.spec());
        assertEquals("BODY[HEADER.FIELDS (FROM SUBJECT X-PRIORITY)]<0>", fields.label());

        Section not = section("BODY[4.2.HEADER.FIELDS.NOT (Received)]");
        assertEquals(new SectionSpec(List.of(4, 2), Text.HEADER_FIELDS_NOT, List.of("RECEIVED"), -1, 0), not.spec());

        assertEquals(Text.TEXT, section("BODY[3.TEXT]").spec().text());
        assertEquals(List.of(3), section("BODY[3]").spec().part());
        assertEquals("BODY[]<100>", section("BODY[]<100.5>").label());
    }

    @Test
    void rfc822Items() throws ParseException {
        Section rfc822 = section("RFC822");
        assertEquals("RFC822", rfc822.label());
        assertFalse(rfc822.peek());
        Section header = section("RFC822.HEADER");
        assertTrue(header.peek());
        assertEquals(Text.HEADER, header.spec().text());
        assertEquals(Text.TEXT, section("RFC822.TEXT").spec().text());
        assertTrue(parse("(FLAGS RFC822.TEXT)").setsSeen());
    }

    @Test
    void badSections() {
        for (String bad : new String[] {"BODY[MIME]", "BODY[0]", "BODY[1.]", "BODY[HEADER.FIELDS]", "BODY[HEADER.FIELDS ()]",
                "BODY[TEXTX]", "BODY[]<1>", "BODY[]<1.0>", "BODY.PEEK", "BODY[1", "BODY[HEADER.FIELDS (a:b)]"}) {
            assertThrows(ParseException.class, () -> parse(bad), bad);
        }
    }

    @Test
    void deepPartNumbersAreBounded() {
        String deep = "BODY[" + "1.".repeat(200) + "1]";
        assertThrows(ParseException.class, () -> parse(deep));
    }

    @Test
    void modifiers() throws ParseException {
        FetchRequest r = parse("(FLAGS) (CHANGEDSINCE 12345 VANISHED)");
        assertEquals(12345, r.changedSince());
        assertTrue(r.vanished());
        assertEquals(-1, parse("FLAGS").changedSince());
        assertThrows(ParseException.class, () -> parse("FLAGS (FOO 1)"));
    }
}
