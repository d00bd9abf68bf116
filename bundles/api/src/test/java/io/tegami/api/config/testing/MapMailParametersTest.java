package io.tegami.api.config.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The shared fake must behave as the config bundle's MainParameters, or tests would lie. */
class MapMailParametersTest {

    private static final Path HOME = Path.of("/opt/tegami");

    private final MapMailParameters params = new MapMailParameters(HOME,
            Map.of("myhostname", "localhost", "data_directory", "data", "queue_directory", "$data_directory/spool"));

    @Test
    void explicitValuesWinOverDefaultsUntilRemoved() {
        assertEquals(Optional.of("localhost"), params.get("myhostname"));
        params.set("myhostname", "mx.example.com");
        assertEquals(Optional.of("mx.example.com"), params.get("myhostname"));
        params.set("myhostname", null);
        assertEquals(Optional.of("localhost"), params.get("myhostname"));
        assertEquals(Optional.empty(), params.get("no_such_thing"));
        assertEquals("fallback", params.get("no_such_thing", "fallback"));
    }

    @Test
    void clearForgetsExplicitValuesOnly() {
        params.set("myhostname", "mx.example.com").set("my_own", "x").clear();
        assertEquals(Map.of(), params.explicit());
        assertEquals(Optional.of("localhost"), params.get("myhostname"));
        assertEquals(Optional.empty(), params.get("my_own"));
    }

    @Test
    void defaultsAndExplicitAreWhatTheTestPutInUnexpandedAndSorted() {
        params.withDefaults(Map.of("mydestination", "$myhostname, localhost", "myhostname", "host"));
        params.set("zeta", "$myhostname").set("alpha", "1");
        assertEquals(List.of("data_directory", "mydestination", "myhostname", "queue_directory"),
                List.copyOf(params.defaults().keySet()));
        assertEquals("$myhostname, localhost", params.defaults().get("mydestination"));
        assertEquals("host", params.defaults().get("myhostname"), "withDefaults replaces a default");
        assertEquals(List.of("alpha", "zeta"), List.copyOf(params.explicit().keySet()));
        assertEquals("$myhostname", params.explicit().get("zeta"));
        Map<String, String> before = params.explicit();
        params.set("beta", "2");
        assertFalse(before.containsKey("beta"), "a snapshot, not a view");
        assertThrows(UnsupportedOperationException.class, () -> params.explicit().put("x", "y"));
    }

    @Test
    void ofTakesPairsAndRefusesAnOddCount() {
        MapMailParameters p = MapMailParameters.of(HOME, "a", "1", "b", "$a$a");
        assertEquals(Map.of("a", "1", "b", "$a$a"), p.explicit());
        assertEquals(Map.of(), p.defaults());
        assertEquals(Optional.of("11"), p.get("b"));
        assertThrows(IllegalArgumentException.class, () -> MapMailParameters.of(HOME, "a", "1", "b"));
    }

    @Test
    void referencesInAllThreeFormsExpandRecursively() {
        params.set("a", "$data_directory/x ${data_directory}/y $(data_directory)/z").set("b", "[$queue_directory]");
        assertEquals(Optional.of("data/x data/y data/z"), params.get("a"));
        assertEquals(Optional.of("[data/spool]"), params.get("b"));
        params.set("data_directory", "var");
        assertEquals(Optional.of("[var/spool]"), params.get("b"), "expanded on every lookup");
    }

    @Test
    void unknownNamesExpandToEmptyAndStrayDollarsStay() {
        params.set("a", "<$nothing_here>").set("b", "cost: 5$ or $-1 or ${open").set("c", "end$");
        assertEquals(Optional.of("<>"), params.get("a"));
        assertEquals(Optional.of("cost: 5$ or $-1 or ${open"), params.get("b"));
        assertEquals(Optional.of("end$"), params.get("c"));
    }

    @Test
    void conditionalForms() {
        params.set("empty", "").set("a", "${myhostname?set}|${myhostname:unset}|${empty?set}|${empty:unset}")
                .set("b", "${nothing:$data_directory/default}");
        assertEquals(Optional.of("set|||unset"), params.get("a"));
        assertEquals(Optional.of("data/default"), params.get("b"));
        params.set("c", "${myhostname!x}");
        assertThrows(IllegalArgumentException.class, () -> params.get("c"));
    }

    @Test
    void aLoopEndsInsteadOfOverflowingTheStack() {
        params.set("a", "$b").set("b", "x$a");
        assertThrows(IllegalArgumentException.class, () -> params.get("a"));
        params.set("self", "${self}");
        assertThrows(IllegalArgumentException.class, () -> params.get("self"));
    }

    @Test
    void booleansAsPostfixReadsThem() {
        for (String yes : List.of("yes", "YES", " true ", "on", "1")) {
            assertTrue(params.set("f", yes).getBoolean("f", false), yes);
        }
        for (String no : List.of("no", "No", "false", "off", "0")) {
            assertFalse(params.set("f", no).getBoolean("f", true), no);
        }
        assertTrue(params.set("f", "maybe").getBoolean("f", true));
        assertFalse(params.set("f", "maybe").getBoolean("f", false));
        assertTrue(params.getBoolean("unset", true));
        params.set("yes_please", "yes").set("f", "$yes_please");
        assertTrue(params.getBoolean("f", false), "expanded first");
    }

    @Test
    void numbersFallBackWhenMalformed() {
        assertEquals(42, params.set("n", " 42 ").getLong("n", 7));
        assertEquals(7, params.set("n", "lots").getLong("n", 7));
        assertEquals(7, params.set("n", "").getLong("n", 7));
        assertEquals(7, params.getLong("unset", 7));
    }

    @Test
    void timesInPostfixNotation() {
        Duration fallback = Duration.ofSeconds(99);
        assertEquals(Duration.ofSeconds(30), params.set("t", "30").getDuration("t", fallback));
        assertEquals(Duration.ofSeconds(30), params.set("t", "30s").getDuration("t", fallback));
        assertEquals(Duration.ofMinutes(5), params.set("t", "5m").getDuration("t", fallback));
        assertEquals(Duration.ofHours(2), params.set("t", "2H").getDuration("t", fallback));
        assertEquals(Duration.ofDays(5), params.set("t", "5d").getDuration("t", fallback));
        assertEquals(Duration.ofDays(14), params.set("t", "2w").getDuration("t", fallback));
        for (String bad : List.of("", "soon", "5y", "5 mins", "m")) {
            assertEquals(fallback, params.set("t", bad).getDuration("t", fallback), bad);
        }
        assertEquals(fallback, params.getDuration("unset", fallback));
    }

    @Test
    void listsSplitAtCommasAndWhiteSpace() {
        params.set("l", " host, localhost.$data_directory ,,\tlocalhost ");
        assertEquals(List.of("host", "localhost.data", "localhost"), params.getList("l"));
        assertEquals(List.of(), params.set("l", " ").getList("l"));
        assertEquals(List.of(), params.getList("unset"));
    }

    @Test
    void pathsResolveAgainstHome() {
        assertEquals(Optional.of(HOME.resolve("data/spool")), params.getPath("queue_directory"));
        assertEquals(Optional.of(Path.of("/var/mail")), params.set("p", " /var/mail ").getPath("p"));
        assertEquals(Optional.of(HOME.resolve("x")), params.set("p", "data/../x").getPath("p"));
        assertEquals(Optional.empty(), params.set("p", " ").getPath("p"));
        assertEquals(Optional.empty(), params.getPath("unset"));
        assertEquals(HOME, params.home());
    }
}
