package io.tegami.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tegami.api.store.Flags;
import io.tegami.api.store.MessageInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SEARCH keys (RFC 3501 6.4.4); the results on the corpus are Dovecot 2.3.19's. */
class SearchEvaluatorTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;

    /** The search corpus as messages 1 to 6 (UIDs 11 to 16), all received on 2024-06-01. */
    private static List<SearchMessage> corpus() {
        List<SearchMessage> list = new ArrayList<>();
        List<byte[]> all = SearchCorpus.all();
        for (int i = 0; i < all.size(); i++) {
            byte[] b = all.get(i);
            list.add(new SearchMessage(i + 1, info(11 + i, b.length, Instant.parse("2024-06-01T12:00:00Z"), Set.of(),
                    false), Corpus.source(b)));
        }
        return list;
    }

    private static MessageInfo info(long uid, long size, Instant date, Set<String> flags, boolean recent) {
        return new MessageInfo(uid, size, size, date, flags, 7, recent);
    }

    /** The sequence numbers of the corpus messages that match. */
    private static List<Long> search(SearchKey key) throws IOException {
        SearchEvaluator e = new SearchEvaluator(key, 6, 16, ZONE);
        List<Long> hits = new ArrayList<>();
        for (SearchMessage m : corpus()) {
            if (e.matches(m)) {
                hits.add(m.sequence());
            }
        }
        return hits;
    }

    private static SearchKey header(String name, String value) {
        return new SearchKey.Header(name, value);
    }

    private static SearchKey body(String value) {
        return new SearchKey.Text(value, false);
    }

    private static SearchKey text(String value) {
        return new SearchKey.Text(value, true);
    }

    private static SearchKey sent(SearchKey.Relation r, String date) {
        return new SearchKey.Date(SearchKey.DateField.SENT, r, LocalDate.parse(date));
    }

    @Test
    void headerKeysMatchDecodedValuesWithoutCase() throws IOException {
        assertEquals(List.of(1L), search(header("Subject", "café")));      // =?iso-8859-1?q?caf=E9?=
        assertEquals(List.of(2L), search(header("Subject", "résumé")));    // raw UTF-8
        assertEquals(List.of(2L), search(header("Subject", "ÉSUM")));
        assertEquals(List.of(2L), search(header("Subject", "re:")));
        assertEquals(List.of(2L), search(header("From", "JÜRGEN")));       // =?utf-8?b?...?=
        assertEquals(List.of(2L), search(header("From", "weiß")));
        assertEquals(List.of(2L), search(header("From", "juergen@example.de")));
        assertEquals(List.of(2L), search(header("From", "<juergen@")));
        assertEquals(List.of(2L), search(header("To", "Team:")));
        assertEquals(List.of(2L), search(header("To", "anna")));
        assertEquals(List.of(), search(header("X-Missing", "")));
        assertEquals(List.of(3L), search(header("X-Mailer", "")));        // empty: the field exists
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), search(header("Subject", "")));
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), search(new SearchKey.Not(header("Subject", "café"))));
    }

    @Test
    void bodyKeysSearchDecodedTextParts() throws IOException {
        assertEquals(List.of(1L), search(body("crème")));          // quoted-printable, ISO-8859-1
        assertEquals(List.of(), search(body("creme")));             // accents matter (i;unicode-casemap)
        assertEquals(List.of(2L, 3L), search(body("straße")));     // base64 UTF-8, and HTML
        assertEquals(List.of(), search(body("STRASSE")));
        assertEquals(List.of(3L), search(body("hauptstr")));
        assertEquals(List.of(3L), search(body("<b>")));            // HTML is searched as it is
        assertEquals(List.of(), search(body("secretword")));        // not in an attachment
        assertEquals(List.of(6L), search(body("naïve")));          // windows-1252
        assertEquals(List.of(6L), search(body("€")));
        assertEquals(List.of(4L), search(body("innerbody")));       // inside message/rfc822
        assertEquals(List.of(), search(body("inner subject")));     // headers are not BODY
        assertEquals(List.of(), search(body("subject")));
        assertEquals(List.of(), search(body("très serré")));       // a line break lies between
        assertEquals(List.of(5L), search(text("needle")));
    }

    @Test
    void textKeySearchesHeadersToo() throws IOException {
        assertEquals(List.of(4L), search(text("inner subject")));   // the encapsulated message's header
        assertEquals(List.of(3L), search(text("x-mailer: order")));
        assertEquals(List.of(2L), search(text("Jürgen")));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), search(text("subject")));
    }

    @Test
    void sentDatesAreTheDateFieldsOwnCalendarDate() throws IOException {
        // Message 1 is "Mon, 01 Jan 2024 23:30:00 -0500": January 2 in UTC, but SENTON uses its own date.
        assertEquals(List.of(1L), search(sent(SearchKey.Relation.ON, "2024-01-01")));
        assertEquals(List.of(2L), search(sent(SearchKey.Relation.ON, "2024-01-02")));
        // Message 5 has no Date field: Dovecot takes it as sent at the epoch.
        assertEquals(List.of(1L, 5L), search(sent(SearchKey.Relation.BEFORE, "2024-01-02")));
        assertEquals(List.of(5L), search(sent(SearchKey.Relation.BEFORE, "2024-01-01")));
        assertEquals(List.of(2L, 3L, 4L, 6L), search(sent(SearchKey.Relation.SINCE, "2024-01-02")));
    }

    @Test
    void internalDatesUseTheServerZone() throws IOException {
        Instant late = Instant.parse("2024-03-10T23:30:00Z");
        SearchMessage m = new SearchMessage(1, info(1, 10, late, Set.of(), false), failingSource());
        SearchKey on10 = new SearchKey.Date(SearchKey.DateField.INTERNAL, SearchKey.Relation.ON, LocalDate.parse("2024-03-10"));
        SearchKey on11 = new SearchKey.Date(SearchKey.DateField.INTERNAL, SearchKey.Relation.ON, LocalDate.parse("2024-03-11"));
        SearchKey before11 = new SearchKey.Date(SearchKey.DateField.INTERNAL, SearchKey.Relation.BEFORE, LocalDate.parse("2024-03-11"));
        SearchKey since11 = new SearchKey.Date(SearchKey.DateField.INTERNAL, SearchKey.Relation.SINCE, LocalDate.parse("2024-03-11"));
        assertTrue(new SearchEvaluator(on10, 1, 1, ZoneOffset.UTC).matches(m));
        assertTrue(new SearchEvaluator(before11, 1, 1, ZoneOffset.UTC).matches(m));
        assertFalse(new SearchEvaluator(since11, 1, 1, ZoneOffset.UTC).matches(m));
        ZoneId berlin = ZoneId.of("Europe/Berlin"); // 00:30 on the 11th there
        assertTrue(new SearchEvaluator(on11, 1, 1, berlin).matches(m));
        assertTrue(new SearchEvaluator(since11, 1, 1, berlin).matches(m));
        assertFalse(new SearchEvaluator(before11, 1, 1, berlin).matches(m));
    }

    @Test
    void flagsSizesSetsAndLogicNeverReadTheMessage() throws IOException {
        MessageInfo i = info(42, 2048, Instant.parse("2024-01-01T00:00:00Z"), Set.of(Flags.SEEN, "$Forwarded"), true);
        SearchMessage m = new SearchMessage(5, i, failingSource());
        assertMatch(true, new SearchKey.All(), m);
        assertMatch(true, new SearchKey.Flag("\\seen", true), m);
        assertMatch(false, new SearchKey.Flag(Flags.SEEN, false), m);
        assertMatch(false, new SearchKey.Flag(Flags.FLAGGED, true), m);
        assertMatch(true, new SearchKey.Flag(Flags.RECENT, true), m);
        assertMatch(true, new SearchKey.Flag("$forwarded", true), m);
        assertMatch(false, new SearchKey.Flag("$Junk", true), m);
        assertMatch(false, new SearchKey.New(), m); // recent but seen
        assertMatch(true, new SearchKey.New(), new SearchMessage(5, info(42, 1, i.internalDate(), Set.of(), true), failingSource()));
        assertMatch(true, new SearchKey.Size(2047, true), m);
        assertMatch(false, new SearchKey.Size(2048, true), m);
        assertMatch(true, new SearchKey.Size(2049, false), m);
        assertMatch(false, new SearchKey.Size(2048, false), m);
        assertMatch(true, new SearchKey.ModSeq(7), m);
        assertMatch(false, new SearchKey.ModSeq(8), m);
        assertMatch(true, new SearchKey.Sequence(List.of(new SearchKey.Range(1, 3), new SearchKey.Range(5, 5))), m);
        assertMatch(false, new SearchKey.Sequence(List.of(new SearchKey.Range(1, 4))), m);
        assertMatch(true, new SearchKey.Uid(List.of(new SearchKey.Range(40, 50))), m);
        assertMatch(false, new SearchKey.Uid(List.of(new SearchKey.Range(43, 50))), m);
        assertMatch(true, new SearchKey.Or(new SearchKey.Flag(Flags.DELETED, true), new SearchKey.Size(10, true)), m);
        assertMatch(false, new SearchKey.And(List.of(new SearchKey.All(), new SearchKey.Flag(Flags.DRAFT, true))), m);
        assertMatch(true, new SearchKey.Not(new SearchKey.Flag(Flags.DRAFT, true)), m);
        assertMatch(true, new SearchKey.And(List.of()), m);
    }

    @Test
    void starIsTheLargestNumberInUse() throws IOException {
        long max = Long.MAX_VALUE;
        // 5 messages, UIDs up to 42: "*" is 5 (or 42); "10:*" is "5:10" and so contains 5.
        SearchMessage last = new SearchMessage(5, info(42, 1, Instant.EPOCH, Set.of(), false), failingSource());
        SearchMessage first = new SearchMessage(1, info(3, 1, Instant.EPOCH, Set.of(), false), failingSource());
        SearchEvaluator seqStar = new SearchEvaluator(new SearchKey.Sequence(List.of(new SearchKey.Range(max, max))), 5, 42, ZONE);
        assertTrue(seqStar.matches(last));
        assertFalse(seqStar.matches(first));
        SearchEvaluator beyond = new SearchEvaluator(new SearchKey.Sequence(List.of(new SearchKey.Range(10, max))), 5, 42, ZONE);
        assertTrue(beyond.matches(last));
        assertFalse(beyond.matches(first));
        SearchEvaluator uidFrom = new SearchEvaluator(new SearchKey.Uid(List.of(new SearchKey.Range(100, max))), 5, 42, ZONE);
        assertTrue(uidFrom.matches(last)); // RFC 3501: UID 100:* always matches the last message
        assertFalse(uidFrom.matches(first));
        SearchEvaluator reversed = new SearchEvaluator(new SearchKey.Uid(List.of(new SearchKey.Range(10, 2))), 5, 42, ZONE);
        assertTrue(reversed.matches(first));
    }

    @Test
    void cheapKeysAreTriedBeforeReadingTheMessage() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        MessageSource counting = () -> {
            opens.incrementAndGet();
            return Corpus.source(SearchCorpus.NO_DATE).open();
        };
        SearchMessage m = new SearchMessage(1, info(1, 10, Instant.EPOCH, Set.of(), false), counting);
        SearchKey k = new SearchKey.And(List.of(body("needle"), header("From", "nodate"), new SearchKey.Flag(Flags.SEEN, true)));
        assertFalse(new SearchEvaluator(k, 1, 1, ZONE).matches(m));
        assertEquals(0, opens.get());
        assertTrue(SearchEvaluator.needsContent(k));
        assertFalse(SearchEvaluator.needsContent(new SearchKey.Not(new SearchKey.Size(5, true))));
        SearchKey both = new SearchKey.And(List.of(body("needle"), header("From", "nodate")));
        assertTrue(new SearchEvaluator(both, 1, 1, ZONE).matches(m));
        assertEquals(3, opens.get()); // the header; then the structure and the text, once each
    }

    @Test
    void encodedWordsAndFoldingInHeaders() throws IOException {
        String msg = "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\n =?utf-8?b?IGF1cyBLw7Zsbg==?=\nX-List: a,\n b\n\nx\n";
        SearchMessage m = new SearchMessage(1, info(1, 10, Instant.EPOCH, Set.of(), false), Corpus.source(msg));
        assertMatch(true, header("subject", "grüße aus köln"), m); // adjacent encoded words join
        assertMatch(true, header("X-LIST", "a, b"), m);
        assertMatch(false, header("X-List", "a,b"), m);
    }

    private static void assertMatch(boolean expected, SearchKey key, SearchMessage m) throws IOException {
        assertEquals(expected, new SearchEvaluator(key, 10, 100, ZONE).matches(m), key.toString());
    }

    private static MessageSource failingSource() {
        return () -> {
            throw new AssertionError("the message was read");
        };
    }

}
