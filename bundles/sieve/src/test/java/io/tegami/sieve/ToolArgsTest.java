package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option parsing as GNU getopt does it for Pigeonhole's tools. */
class ToolArgsTest {

    private static ToolArgs parse(String... args) throws ToolArgs.BadOption {
        return ToolArgs.parse("sieve-test", args, "fra", "e");
    }

    @Test
    void optionsMayFollowTheOperandsAndTakeAttachedOrSeparateValues() throws Exception {
        ToolArgs a = parse("s.sieve", "-fa@b.c", "m.eml", "-r", "x@y.z", "-e");
        assertEquals(List.of("s.sieve", "m.eml"), a.operands());
        assertEquals(Map.of('f', "a@b.c", 'r', "x@y.z"), a.values());
        assertEquals(List.of('e'), a.flags());
        assertFalse(a.help());
    }

    @Test
    void flagsGroupAndAValueEndsTheGroup() throws Exception {
        ToolArgs a = parse("-ef", "a@b.c", "s", "m");
        assertEquals(List.of('e'), a.flags());
        assertEquals("a@b.c", a.values().get('f'));
        assertEquals(List.of("s", "m"), a.operands());
    }

    @Test
    void doubleDashEndsOptionsAndLoneDashIsAnOperand() throws Exception {
        ToolArgs a = parse("--", "-e", "-");
        assertEquals(List.of("-e", "-"), a.operands());
        assertTrue(a.flags().isEmpty());
    }

    @Test
    void helpIsDashHOrDashDashHelp() throws Exception {
        assertTrue(parse("-h").help());
        assertTrue(parse("x", "--help").help());
    }

    @Test
    void complaintsAreGetopts() {
        assertEquals("sieve-test: invalid option -- 'q'",
                assertThrows(ToolArgs.BadOption.class, () -> parse("-q")).getMessage());
        assertEquals("sieve-test: option requires an argument -- 'f'",
                assertThrows(ToolArgs.BadOption.class, () -> parse("s", "m", "-f")).getMessage());
        assertEquals("sieve-test: unrecognized option '--verbose'",
                assertThrows(ToolArgs.BadOption.class, () -> parse("--verbose")).getMessage());
    }
}
