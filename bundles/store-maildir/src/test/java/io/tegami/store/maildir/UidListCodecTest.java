package io.tegami.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class UidListCodecTest {

    /** As Dovecot 2.3 writes it (the example of its documentation, plus an unknown field). */
    static final String DOVECOT = """
            3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1 Xfuture
            25006 :1276528487.M364837P9451.kurkku,S=1355,W=1394:2,
            25017 W2481 :1276533073.M242911P3632.kurkku:2,F
            25020 :1276533080.M1P1.kurkku
            """;

    @Test
    void readsDovecotsFormat() throws Exception {
        UidList list = UidListCodec.parse(DOVECOT);
        assertEquals(3, list.version());
        assertEquals(1275660208L, list.uidValidity());
        assertEquals(25022L, list.nextUid());
        assertEquals("3085f01b7f11094c501100008c4a11c1", list.guid());
        assertEquals("Xfuture", list.headerExtra());
        assertEquals(List.of(
                new UidList.Record(25006, "", "1276528487.M364837P9451.kurkku,S=1355,W=1394"),
                new UidList.Record(25017, "W2481", "1276533073.M242911P3632.kurkku"),
                new UidList.Record(25020, "", "1276533080.M1P1.kurkku")), list.records());
    }

    @Test
    void writesWhatItReadsWithBaseNamesOnly() throws Exception {
        String expected = """
                3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1 Xfuture
                25006 :1276528487.M364837P9451.kurkku,S=1355,W=1394
                25017 W2481 :1276533073.M242911P3632.kurkku
                25020 :1276533080.M1P1.kurkku
                """;
        assertEquals(expected, UidListCodec.format(UidListCodec.parse(DOVECOT)));
        assertEquals(expected, UidListCodec.format(UidListCodec.parse(expected)));
    }

    @Test
    void readsVersionOneAndUpgrades() throws Exception {
        UidList v1 = UidListCodec.parse("1 1100000000 7\n3 1100000001.123_4.host:2,S\n5 1100000002.99_1.host\n");
        assertEquals(1, v1.version());
        assertEquals(7, v1.nextUid());
        assertEquals("1100000001.123_4.host", v1.records().get(0).base());
        UidList up = v1.upgraded();
        assertEquals(3, up.version());
        assertEquals(32, up.guid().length());
        assertEquals(v1.records(), up.records());
    }

    @Test
    void toleratesBadLinesAndAHalfAppendedLastLine() throws Exception {
        UidList list = UidListCodec.parse("3 V5 N3 Gab\n1 :a\nbad line\n0 :zero\n2 :b\n4 :half-writ");
        assertEquals(List.of(new UidList.Record(1, "", "a"), new UidList.Record(2, "", "b")), list.records());
        assertEquals(3, list.nextUid());
    }

    @Test
    void nextUidNeverBelowTheHighestUid() throws Exception {
        assertEquals(10, UidListCodec.parse("3 V5 N2 Gab\n9 :x\n").nextUid());
    }

    @Test
    void duplicateBaseKeepsTheHigherUid() throws Exception {
        UidList list = UidListCodec.parse("3 V5 N9 Gab\n1 :a\n4 :a:2,S\n");
        assertEquals(List.of(new UidList.Record(4, "", "a")), list.records());
    }

    @Test
    void brokenHeadersAreCorrupt() {
        for (String bad : new String[] {"", "x V1 N1", "3 V0 N5 Gab\n", "3 N5\n", "2 1 2\n", "1 abc 3\n"}) {
            assertThrows(UidListCodec.CorruptException.class, () -> UidListCodec.parse(bad), bad);
        }
    }

    @Test
    void appendTakesTheNextUid() {
        UidList list = UidList.create(1234).append("one").append("two");
        assertEquals(3, list.nextUid());
        assertEquals(2, list.records().get(1).uid());
        assertEquals("3 V1234 N3 G" + list.guid() + "\n1 :one\n2 :two\n", UidListCodec.format(list));
    }
}
