package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveError;

/**
 * Fuzzes the Sieve lexer, parser and validator (issue 11) with every bundled extension: arbitrary
 * script text either compiles or fails with {@link SieveCompileException} carrying at least one
 * located error, whose text stays bounded; deep nesting of blocks, test lists and string lists
 * must not overflow the stack. In the normal build this replays {@code SieveParserFuzzTestInputs/}.
 */
class SieveParserFuzzTest {

    private static final int MAX_INPUT = 16 * 1024;

    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void compile(byte[] input) {
        String bounded = new String(input, 0, Math.min(input.length, MAX_INPUT), StandardCharsets.UTF_8);
        try {
            Sieve.ENGINE.compile("fuzz", bounded);
        } catch (SieveCompileException e) {
            assertFalse(e.errors().isEmpty(), "a compile error without errors");
            for (SieveError error : e.errors()) {
                assertTrue(error.line() >= 0 && error.column() >= 0, "bad location: " + error);
                assertTrue(error.toString().length() < bounded.length() + 1024, "unbounded error text");
            }
        }
    }
}
