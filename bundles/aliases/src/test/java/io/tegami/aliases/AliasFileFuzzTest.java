package io.tegami.aliases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the aliases(5) parser (issue 11): arbitrary text, continuation lines, quoting,
 * {@code :include:}, {@code |command} and {@code /file} values. The parser reports bad lines as
 * {@link AliasProblem}s and never throws (a {@link StringReader} raises no {@link IOException});
 * the entries and problems cannot outnumber the lines, nor the items the characters. In the normal
 * build this replays {@code AliasFileFuzzTestInputs/}.
 */
class AliasFileFuzzTest {

    private static final int MAX_INPUT = 8192;
    private static final Path BASE = Path.of("target", "alias-fuzz-base").toAbsolutePath();

    @FuzzTest(maxDuration = "30s")
    @Timeout(10)
    void parse(byte[] input) throws IOException {
        String bounded = new String(input, 0, Math.min(input.length, MAX_INPUT), StandardCharsets.UTF_8);
        AliasFile file = AliasFile.parse("fuzz", new BufferedReader(new StringReader(bounded)), "example.test", BASE);
        long lines = bounded.lines().count() + 1;
        assertTrue(file.entries().size() + file.problems().size() <= lines,
                file.entries().size() + " entries and " + file.problems().size() + " problems from " + lines + " lines");
        int items = file.entries().values().stream().mapToInt(e -> e.items().size()).sum();
        assertTrue(items <= bounded.length(), items + " items from " + bounded.length() + " characters");
        for (AliasProblem p : file.problems()) {
            assertTrue(p.toString().length() < 2 * bounded.length() + 256, "unbounded problem text");
        }
    }
}
