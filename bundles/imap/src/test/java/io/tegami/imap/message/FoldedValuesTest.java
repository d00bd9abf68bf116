package io.tegami.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tegami.api.store.MessageInfo;
import org.junit.jupiter.api.Test;

class FoldedValuesTest {

    private static final String MAIL = "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= Topic 7\r\nFrom: a@b\r\n"
            + "subject: Second\r\n\r\nbody\r\n";

    /** A source over a string that counts its openings and keeps values in a map. */
    static final class Source implements MessageSource {
        final Map<String, byte[]> kept = new HashMap<>();
        int opened;

        @Override
        public InputStream open() {
            opened++;
            return new ByteArrayInputStream(MAIL.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public byte[] cached(String field) {
            return kept.get(field);
        }

        @Override
        public void keep(String field, byte[] value) {
            kept.put(field, value);
        }
    }

    private static SearchMessage message(Source s) {
        return new SearchMessage(1, new MessageInfo(1, 10, 10, Instant.EPOCH, Set.of(), 1, false), s);
    }

    @Test
    void valuesAreDecodedFoldedAndKeptForTheNextSearch() throws IOException {
        Source s = new Source();
        List<String> first = FoldedValues.of(message(s), "SUBJECT");
        assertEquals(2, first.size());
        assertEquals(TextFolding.fold("Grüße Topic 7"), first.get(0));
        assertEquals(1, s.opened);
        assertEquals(first, FoldedValues.of(message(s), "Subject"), "from the cache, without case");
        assertEquals(1, s.opened, "the message was not read again");
        assertEquals(List.of(), FoldedValues.of(message(s), "Cc"));
        assertEquals(List.of(), FoldedValues.of(message(s), "cc"));
        assertEquals(2, s.opened, "an absent field is remembered too");
    }

    @Test
    void encodingRoundTripsAndIgnoresGarbage() {
        List<String> values = List.of("", "ä€𝄞", "plain");
        assertEquals(values, FoldedValues.decode(FoldedValues.encode(values)));
        assertEquals(List.of(), FoldedValues.decode(new byte[] {0, 0, 0, 9, 'x'}));
    }
}
