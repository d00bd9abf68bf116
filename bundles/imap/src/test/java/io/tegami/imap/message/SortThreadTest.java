package io.tegami.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tegami.api.store.MessageInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** SORT and THREAD (RFC 5256, RFC 5957) on {@link ThreadCorpus}; expected results are Dovecot 2.3.19's. */
class SortThreadTest {

    private static String sort(SortCriterion... criteria) throws IOException {
        return MessageSorter.sort(ThreadCorpus.descriptors(), List.of(criteria)).stream()
                .map(m -> String.valueOf(m.sequence())).collect(Collectors.joining(" "));
    }

    private static SortCriterion by(SortCriterion.Key k) {
        return new SortCriterion(k, false);
    }

    private static SortCriterion reverse(SortCriterion.Key k) {
        return new SortCriterion(k, true);
    }

    @Test
    void sortLikeDovecot() throws IOException {
        assertEquals("11 8 9 1 4 2 3 5 6 12 7 13 14 15 10", sort(by(SortCriterion.Key.ARRIVAL)));
        assertEquals("10 13 14 15 7 12 6 5 3 2 4 1 9 8 11", sort(reverse(SortCriterion.Key.ARRIVAL)));
        // Message 11 has no Date field: its internal date stands in.
        assertEquals("11 8 9 1 4 2 3 5 6 12 7 13 14 15 10", sort(by(SortCriterion.Key.DATE)));
        assertEquals("10 13 14 15 7 12 6 5 3 2 4 1 9 8 11", sort(reverse(SortCriterion.Key.DATE)));
        assertEquals("11 13 8 9 10 7 14 15 6 12 4 2 5 1 3", sort(by(SortCriterion.Key.SIZE)));
        assertEquals("13 8 9 15 10 5 6 12 1 2 3 4 7 14 11", sort(by(SortCriterion.Key.SUBJECT)));
        assertEquals("13 15 9 8 10 12 6 5 14 7 3 2 4 1 11",
                sort(by(SortCriterion.Key.SUBJECT), reverse(SortCriterion.Key.DATE)));
        assertEquals("7 2 13 14 4 9 5 6 10 3 12 8 15 11 1", sort(by(SortCriterion.Key.FROM)));
        assertEquals("4 6 7 8 9 10 11 12 13 14 15 1 3 5 2", sort(by(SortCriterion.Key.TO)));
        assertEquals("2 4 5 6 7 8 9 10 11 12 13 14 15 3 1", sort(by(SortCriterion.Key.CC)));
        assertEquals("7 2 14 13 4 9 5 6 10 12 3 8 15 11 1", sort(by(SortCriterion.Key.DISPLAYFROM)));
        assertEquals("4 6 7 8 9 10 11 12 13 14 15 1 3 5 2", sort(by(SortCriterion.Key.DISPLAYTO)));
        assertEquals("1 11 15 8 12 3 10 6 5 9 4 13 14 2 7",
                sort(reverse(SortCriterion.Key.FROM), by(SortCriterion.Key.DATE)));
    }

    @Test
    void orderedSubjectLikeDovecot() throws IOException {
        assertEquals("(11)(8 (9)(15))(1 (4)(2)(3)(7)(14))(5 (6)(12))(13)(10)",
                Threads.format(Threads.orderedSubject(ThreadCorpus.descriptors()), false));
    }

    @Test
    void referencesLikeDovecot() throws IOException {
        List<ThreadNode> threads = Threads.references(ThreadCorpus.descriptors());
        assertEquals("(11)((8)(9)(15))(1 (4)(2 3)(7)(14))((5 12)(6))(13)(10)", Threads.format(threads, false));
        // With UIDs (100 + index).
        assertEquals("(110)((107)(108)(114))(100 (103)(101 102)(106)(113))((104 111)(105))(112)(109)",
                Threads.format(threads, true));
        assertTrue(threads.get(1).isDummy());
        assertNull(threads.get(1).message());
        assertEquals(3, threads.get(1).children().size());
    }

    @Test
    void referencesLoopsAndMissingParents() throws IOException {
        // b says its parent is a, a says its parent is b: no loop is made.
        List<MessageDescriptor> msgs = List.of(
                d(1, "<a@x>", "<b@x>", null, "one", "2024-01-01T00:00:00Z"),
                d(2, "<b@x>", "<a@x>", null, "two", "2024-01-02T00:00:00Z"),
                d(3, "<c@x>", "<gone@x> <b@x>", null, "three", "2024-01-03T00:00:00Z"),
                d(4, null, null, "<c@x>", "four", "2024-01-04T00:00:00Z"),
                d(5, "<e@x>", "<gone2@x>", null, "five", "2024-01-05T00:00:00Z"));
        // a's link to b (made first) stays, so b cannot become a's child; the dummies for the
        // missing parents have one child each and are pruned away.
        assertEquals("(2 (1)(3 4))(5)", Threads.format(Threads.references(msgs), false));
    }

    @Test
    void baseSubjects() {
        assertBase("Meeting", false, "Meeting");
        assertBase("Meeting", true, "Re: Meeting");
        assertBase("Meeting", true, "RE:   re: Fwd: Meeting");
        assertBase("Meeting", true, "Re[2]: Meeting");
        assertBase("Meeting", true, "[list] Re: Meeting");
        assertBase("Meeting", false, "[list] Meeting");
        assertBase("Meeting", true, "Meeting (fwd)");
        assertBase("Meeting", true, "[Fwd: Re: Meeting]");
        assertBase("Meeting", true, "[fwd: [list] Meeting] (fwd)");
        assertBase("[list]", false, "[list]");                  // the last blob stays if nothing else is left
        assertBase("[b]", false, "[a] [b]");
        assertBase("a b", false, "  a \t b   ");
        assertBase("Réunion", true, "Re: =?utf-8?q?R=C3=A9union?=");
        assertBase("", false, null);
        assertBase("", true, "Re:");
        assertBase("Rex: no", false, "Rex: no");
        assertBase("Fwd", false, "Fwd");
        assertEquals("MEETING", BaseSubject.of("re: meeting").key());
    }

    private static void assertBase(String base, boolean reply, String subject) {
        BaseSubject s = BaseSubject.of(subject);
        assertEquals(base, s.text(), subject);
        assertEquals(reply, s.isReplyOrForward(), subject);
    }

    @Test
    void formatWritesChainsAndNestedLists() {
        ThreadNode a = node(1);
        ThreadNode b = node(2);
        ThreadNode c = node(3);
        ThreadNode d = node(4);
        a.add(b);
        b.add(c);
        b.add(d);
        ThreadNode dummy = new ThreadNode(null);
        dummy.add(node(5));
        dummy.add(node(6));
        assertEquals("(1 2 (3)(4))((5)(6))", Threads.format(List.of(a, dummy), false));
        assertEquals("", Threads.format(List.of(), false));
    }

    @Test
    void sortTiesFallBackToSequenceEvenWhenReversed() {
        List<MessageDescriptor> msgs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            msgs.add(d(i, null, null, null, "same", "2024-01-01T00:00:00Z"));
        }
        List<MessageDescriptor> sorted = MessageSorter.sort(msgs, List.of(reverse(SortCriterion.Key.SUBJECT)));
        assertEquals(List.of(1L, 2L, 3L), sorted.stream().map(MessageDescriptor::sequence).toList());
        assertFalse(sorted == msgs);
    }

    @Test
    void displayKeys() {
        assertEquals("Jürgen Weiß", MessageSorter.display("=?utf-8?b?SsO8cmdlbiBXZWnDnw==?= <j@x>"));
        assertEquals("j@x", MessageSorter.display("\"\" <j@x>"));
        assertEquals("team", MessageSorter.display("team: a@b;"));
        assertEquals("", MessageSorter.display(null));
        assertEquals("a", MessageSorter.firstMailbox("g: ;, A <a@b>, c@d"));
        assertEquals("", MessageSorter.firstMailbox("<>"));
    }

    private static ThreadNode node(long seq) {
        return new ThreadNode(d(seq, null, null, null, "s", "2024-01-01T00:00:00Z"));
    }

    private static MessageDescriptor d(long seq, String id, String refs, String irt, String subject, String date) {
        MessageInfo info = new MessageInfo(seq, 10, 10, Instant.parse(date), Set.of(), 1, false);
        return new MessageDescriptor(seq, info.uid(), info.rfc822Size(), info.internalDate(), null, subject, null, null,
                null, id, irt, refs);
    }
}
