package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import io.tegami.api.config.testing.MapMailParameters;
import org.junit.jupiter.api.Test;

/**
 * The vacation period against Pigeonhole's settings; the expected values are what Debian's
 * sieve-test 0.5.19 printed ({@code -o plugin/sieve_vacation_default_period=3d}: 259200; a
 * {@code :seconds 60}: 86400 under the default minimum; max 1d with default 7d: settings ignored).
 */
class VacationPeriodTest {

    private final VacationExtension vacation = new VacationExtension();

    @Test
    void pigeonholeDefaultsWithoutParameters() {
        assertEquals(604800, vacation.period(null));
        assertEquals(86400, vacation.period(60L));
        assertEquals(8640000, vacation.period(8640000L), "no maximum");
    }

    @Test
    void settingsApply() {
        MapMailParameters p = MapMailParameters.of(Path.of("."), "sieve_vacation_default_period", "3d",
                "sieve_vacation_min_period", "1h", "sieve_vacation_max_period", "30d");
        vacation.bindParameters(p);
        assertEquals(259200, vacation.period(null));
        assertEquals(3600, vacation.period(60L));
        assertEquals(7200, vacation.period(7200L));
        assertEquals(2592000, vacation.period(8640000L));
        p.set("sieve_vacation_min_period", "0");
        assertEquals(0, vacation.period(0L), "with no minimum, :seconds 0 replies every time");
    }

    @Test
    void inconsistentSettingsFallBackToTheDefaults() {
        vacation.bindParameters(MapMailParameters.of(Path.of("."), "sieve_vacation_max_period", "1d"));
        assertEquals(604800, vacation.period(null));
        assertEquals(172800, vacation.period(172800L));
    }

    @Test
    void theScriptRunUsesThem() throws Exception {
        VacationExtension v = new VacationExtension();
        v.bindParameters(MapMailParameters.of(Path.of("."), "sieve_vacation_default_period", "3d"));
        SieveEngineImpl engine = new SieveEngineImpl(java.util.List.of(v));
        io.tegami.api.sieve.SieveResult r = engine.execute(engine.compile("t", "require \"vacation\"; vacation \"away\";"),
                new StringMessage("Subject: x\n\nbody\n"), new io.tegami.api.sieve.SieveEnvelope("a@b.c", "me@x.y",
                        "me@x.y", "me"), io.tegami.api.sieve.SieveLimits.DEFAULT);
        assertEquals(259200, ((io.tegami.api.sieve.SieveAction.Vacation) r.actions().get(0)).seconds());
    }

    @Test
    void outOfBoundsPeriodsAreWarnings() throws Exception {
        SieveEngineImpl engine = SieveEngineImpl.withBundledExtensions();
        io.tegami.api.sieve.SieveScript s = engine.compile("w",
                "require [\"vacation\", \"vacation-seconds\"];\nvacation :seconds 5 \"x\";\nvacation :days 0 \"y\";\n");
        assertEquals(java.util.List.of(new io.tegami.api.sieve.SieveError(2, 1, "specified :seconds value '5' is under the minimum"),
                new io.tegami.api.sieve.SieveError(3, 1, "specified :days value '0' is under the minimum")), s.warnings());
        assertEquals(java.util.List.of(), engine.compile("k", "require \"vacation\"; vacation :days 3 \"x\";").warnings());
    }

    @Test
    void parseAndValidationFailuresAreTold() {
        SieveEngineImpl engine = SieveEngineImpl.withBundledExtensions();
        org.junit.jupiter.api.Assertions.assertTrue(org.junit.jupiter.api.Assertions.assertThrows(
                io.tegami.api.sieve.SieveCompileException.class, () -> engine.compile("p", "if true {\n keep;\n"))
                .parseFailure());
        org.junit.jupiter.api.Assertions.assertFalse(org.junit.jupiter.api.Assertions.assertThrows(
                io.tegami.api.sieve.SieveCompileException.class, () -> engine.compile("v", "foo;\n")).parseFailure());
    }
}
