package io.tegami.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.sieve.SieveResult.HeaderEdit;
import io.tegami.api.sieve.SieveResult.HeaderEdit.Kind;
import io.tegami.sieve.SieveEngineImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Header parsing and editing, the duplicate memory, vacation periods, merged stores, size limits. */
class SieveHelpersTest {

    @TempDir
    Path root;

    @Test
    void headerSectionUnfoldsAndStopsAtTheBody() throws Exception {
        InputStream in = new ByteArrayInputStream(
                "Subject: a\r\n b\r\nX: 1\r\nX: 2\r\n\r\nSubject: not a header\r\n".getBytes(StandardCharsets.UTF_8));
        HeaderSection h = HeaderSection.read(in);
        assertEquals(List.of("a b"), h.values("subject"));
        assertEquals(List.of("1", "2"), h.values("x"));
        assertEquals("Subject: not a header\r\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void editsPrependLastFirstDeleteByOccurrenceAndAppendInOrder() throws Exception {
        HeaderSection h = HeaderSection.read(new ByteArrayInputStream("X: 1\nY: y\nX: 2\n\n".getBytes()));
        String out = HeaderEdits.rewrite(h, List.of(new HeaderEdit(Kind.PREPEND, "A", "1", 0),
                new HeaderEdit(Kind.PREPEND, "B", "2\r\nInjected: x", 0), new HeaderEdit(Kind.DELETE, "x", null, 2),
                new HeaderEdit(Kind.APPEND, "C", "3", 0), new HeaderEdit(Kind.APPEND, "D", "4", 0)));
        assertEquals("B: 2 Injected: x\nA: 1\nX: 1\nY: y\nC: 3\nD: 4\n\n", out);
    }

    @Test
    void duplicateMemoryExpiresAndKeepsTheFirstPeriodUnlessRestarted() throws Exception {
        DuplicateMemory m = new DuplicateMemory(root);
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        assertFalse(m.seen("k", t));
        m.mark("k", 100, false, t);
        m.mark("other", 1000, false, t);
        assertTrue(m.seen("k", t.plusSeconds(99)));
        m.mark("k", 100, false, t.plusSeconds(50)); // keeps expiry t+100
        assertFalse(m.seen("k", t.plusSeconds(101)));
        m.mark("k", 100, true, t.plusSeconds(200));
        assertTrue(m.seen("k", t.plusSeconds(299)));
        assertTrue(m.seen("other", t.plusSeconds(299)));
    }

    @Test
    void vacationPeriodIsClamped() {
        MapMailParameters p = MapMailParameters.of(root);
        assertEquals(86400, VacationResponder.period(p, 60));
        assertEquals(7 * 86400, VacationResponder.period(p, 7 * 86400));
        p.set("sieve_vacation_max_period", "2d");
        assertEquals(2 * 86400, VacationResponder.period(p, 7 * 86400));
        p.set("sieve_vacation_min_period", "0");
        assertEquals(0, VacationResponder.period(p, 0));
    }

    @Test
    void twoFileintosToMissingFoldersGiveOneInboxCopy() throws Exception {
        SieveHarness h = new SieveHarness(root, SieveEngineImpl.withBundledExtensions());
        h.script("bob", "require \"fileinto\";\nfileinto \"A\";\nfileinto \"B\";\n");
        h.deliver("alice@far.test", "bob@here.test", SieveDeliveryTest.MAIL);
        assertEquals(1, h.folder("bob", "").size());
    }

    @Test
    void aScriptOverTheSizeLimitIsNotRun() throws Exception {
        SieveHarness h = new SieveHarness(root, SieveEngineImpl.withBundledExtensions());
        h.parameters.set("sieve_max_script_size", "10");
        h.script("bob", "discard;\n# a comment that makes it longer\n");
        h.deliver("alice@far.test", "bob@here.test", SieveDeliveryTest.MAIL);
        assertEquals(1, h.folder("bob", "").size());
    }
}
