package io.tegami.shell.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tegami.shell.fakes.GogoFixture;

/** The quoting tegami-ctl does, checked against the Gogo runtime's own parser and expander. */
class GogoQuotingTest {

    /** A Gogo command that returns exactly the strings it was given. */
    public static final class Echo {
        public List<String> args(String... args) {
            return Arrays.asList(args);
        }
    }

    private static GogoFixture gogo;

    @BeforeAll
    static void startGogo() {
        gogo = new GogoFixture().register("test", new Echo(), "args");
    }

    @AfterAll
    static void stopGogo() {
        gogo.close();
    }

    @Test
    void plainWordsStayBare() {
        assertEquals("postconf -n myhostname=mx.example.com a,b user@example.com",
                GogoQuoting.commandLine("postconf",
                        List.of("-n", "myhostname=mx.example.com", "a,b", "user@example.com")));
    }

    @Test
    void everythingElseGoesInSingleQuotes() {
        assertEquals("'a b'", GogoQuoting.quote("a b"));
        assertEquals("''", GogoQuoting.quote(""));
        assertEquals("'$myhostname'", GogoQuoting.quote("$myhostname"));
        assertEquals("'it'\\''s'", GogoQuoting.quote("it's"));
        assertEquals("'=x'", GogoQuoting.quote("=x"));
    }

    @Test
    void commandNameMustBeAPlainWord() {
        assertThrows(IllegalArgumentException.class, () -> GogoQuoting.commandLine("a b", List.of()));
        assertThrows(IllegalArgumentException.class, () -> GogoQuoting.commandLine("", List.of()));
        assertEquals("felix:lb", GogoQuoting.commandLine("felix:lb", List.of()));
    }

    @Test
    void lineBreaksCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> GogoQuoting.commandLine("x", List.of("a\nb")));
        assertThrows(IllegalArgumentException.class, () -> GogoQuoting.commandLine("x", List.of("a\rb")));
    }

    @Test
    void gogoReadsBackTrickyArguments() {
        List<String> tricky = List.of("", " ", "a b", "'", "''", "\"", "\\", "\\'", "a'b\"c", "$x", "${x}",
                "$(echo hi)", "%(1+2)", "50%", "~", "~/x", "*", "a?b", "[a b]", "{x}", "(x)", "a;b", "a|b",
                "a&b", "a>b", "<a>", "#x", "!!", "`x`", "=", "=x", "a=b", "==", "-n", "--", "\t", "a\\nb",
                "tab\tx", "é", "中文", "😀", "mydestination = $myhostname, localhost.$mydomain, localhost",
                "null", "true", "12", "1.5");
        assertRoundTrip(tricky);
    }

    @Test
    void gogoReadsBackRandomArguments() {
        Random random = new Random(20240611);
        String pool = "ab Z09_-./:@+,=$%~*?[]{}()<>;|&#!`'\"\\\t^é中😀";
        int[] codePoints = pool.codePoints().toArray();
        for (int round = 0; round < 300; round++) {
            List<String> args = new ArrayList<>();
            for (int n = random.nextInt(4) + 1; n > 0; n--) {
                StringBuilder arg = new StringBuilder();
                for (int len = random.nextInt(8); len > 0; len--) {
                    arg.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
                }
                args.add(arg.toString());
            }
            assertRoundTrip(args);
        }
    }

    private static void assertRoundTrip(List<String> args) {
        String line = GogoQuoting.commandLine("args", args);
        GogoFixture.Result result = gogo.run(line);
        assertNull(result.failure(), () -> line + " failed: " + result.failure());
        List<?> got = (List<?>) result.value();
        assertEquals(args.size(), got.size(), line);
        for (int i = 0; i < args.size(); i++) {
            String expected = args.get(i);
            Object actual = got.get(i);
            assertTrue(actual instanceof String, () -> "[" + expected + "] came back as " + (actual == null ? "null" : actual.getClass().getName()));
            assertEquals(expected, String.valueOf(actual), () -> line + " [" + expected + "] came back as "
                    + (actual == null ? "null" : actual.getClass().getName()));
        }
    }
}
