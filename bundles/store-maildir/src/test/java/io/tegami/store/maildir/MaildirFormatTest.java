package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import io.tegami.api.store.Flags;
import org.junit.jupiter.api.Test;

/** File names and flag letters. */
class MaildirFormatTest {

    @Test
    void uniqueNamesHaveDovecotsShape() {
        Instant t = Instant.ofEpochSecond(1276528487, 364_837_123);
        assertEquals("1276528487.M364837P9451Q7.mx\\057a\\072b", UniqueNames.format(t, 9451, 7,
                UniqueNames.escapeHost("mx/a:b")));
        String next = UniqueNames.next(Instant.now());
        assertTrue(next.matches("\\d+\\.M\\d{1,6}P\\d+Q\\d+\\.[^/:]+"), next);
        assertNotEquals(next, UniqueNames.next(Instant.now()));
        assertEquals(next + ",S=10,W=12", UniqueNames.withSizes(next, 10, 12));
    }

    @Test
    void filenameParts() {
        MaildirFilename f = MaildirFilename.parse("1276528487.M364837P9451.kurkku,S=1355,W=1394:2,FS");
        assertEquals("1276528487.M364837P9451.kurkku,S=1355,W=1394", f.base());
        assertEquals("FS", f.flagChars());
        assertEquals(OptionalLong.of(1355), f.field('S'));
        assertEquals(OptionalLong.of(1394), f.field('W'));
        assertEquals(OptionalLong.empty(), MaildirFilename.parse("123.abc.host:2,").field('S'));
        assertEquals(OptionalLong.empty(), MaildirFilename.parse("123.abc.host,S=12x").field('S'));

        MaildirFilename fresh = MaildirFilename.parse("123.M1P2.host,S=5");
        assertEquals("", fresh.flagChars());
        assertEquals("123.M1P2.host,S=5:2,RS", fresh.withFlagChars("RS").fileName());
        // Dovecot keeps further flag sets after ',' and replaces a non-"2," info
        assertEquals("b:2,T,xyz", MaildirFilename.parse("b:2,S,xyz").withFlagChars("T").fileName());
        assertEquals("b:2,S", MaildirFilename.parse("b:1,foo").withFlagChars("S").fileName());
    }

    @Test
    void deliveryOrderIsSecondsThenMicrosecondsThenName() {
        List<String> names = new ArrayList<>(List.of(
                "1000000010.M5P1.h", "999999999.M900000P1.h", "1000000010.M40P1.h", "1000000010.abc.h",
                "1000000010.M40P1.g:2,S"));
        names.sort(MaildirFilename.DELIVERY_ORDER);
        assertEquals(List.of("999999999.M900000P1.h", "1000000010.M5P1.h", "1000000010.M40P1.g:2,S",
                "1000000010.M40P1.h", "1000000010.abc.h"), names);
    }

    @Test
    void flagsMapBothWaysInAsciiOrder() {
        KeywordTable kw = KeywordTable.parse("0 $Junk\n1 $NonJunk\n");
        Set<String> all = Set.of(Flags.SEEN, Flags.ANSWERED, Flags.FLAGGED, Flags.DELETED, Flags.DRAFT,
                "$NonJunk", "$junk");
        assertEquals("DFRSTab", MaildirFlags.encode(all, kw, ""));
        assertEquals(Set.of(Flags.SEEN, Flags.ANSWERED, Flags.FLAGGED, Flags.DELETED, Flags.DRAFT, "$Junk",
                "$NonJunk"), MaildirFlags.decode("DFRSTab", kw));
        assertEquals("S", MaildirFlags.encode(Set.of("\\seen", Flags.RECENT, "Unknown"), kw, ""));
        assertEquals(Set.of(), MaildirFlags.decode("Pz", kw));
    }

    @Test
    void unmappedLettersSurviveAFlagChange() {
        KeywordTable kw = KeywordTable.parse("0 $Junk\n");
        // 'P' (passed, set by mutt) and 'q' (a keyword letter with no name) are kept, as Dovecot does
        assertEquals("FPq", MaildirFlags.encode(Set.of(Flags.FLAGGED), kw, "PSaq"));
        assertEquals("", MaildirFlags.encode(Set.of(), kw, "STa"));
    }

    @Test
    void keywordTableFileFormat() {
        KeywordTable t = KeywordTable.EMPTY.with("$Label1").with("Work");
        assertEquals("0 $Label1\n1 Work\n", t.format());
        assertEquals('b', t.letter("work"));
        assertEquals(0, t.letter("other"));
        assertEquals(t, KeywordTable.parse(t.format() + "garbage\n30 x\n"));
        KeywordTable full = KeywordTable.EMPTY;
        for (int i = 0; i < 26; i++) {
            full = full.with("k" + i);
        }
        assertEquals(full, full.with("one-too-many"));
        assertTrue(MaildirFlags.isKeyword("$Forwarded"));
        assertTrue(!MaildirFlags.isKeyword("has space") && !MaildirFlags.isKeyword("\\Seen"));
    }
}
