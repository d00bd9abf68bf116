package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveScript;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every script of the corpus on its message and compares the result, printed in
 * sieve-test's form, with what Pigeonhole's sieve-test printed (generate.sh, checked in).
 */
class CorpusTest {

    private final SieveEngineImpl engine = SieveEngineImpl.withBundledExtensions();

    @TestFactory
    Stream<DynamicTest> agreesWithPigeonhole() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/corpus").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".sieve")).sorted().toList();
        }
        assertFalse(scripts.isEmpty());
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String name = script.getFileName().toString().replace(".sieve", "");
            Properties env = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve(name + ".env"))) {
                env.load(r);
            }
            SieveScript compiled = engine.compile(name, Files.readString(script, StandardCharsets.UTF_8));
            String to = env.getProperty("to");
            SieveResult result = engine.execute(compiled,
                    new FileMessage(dir.resolve("messages").resolve(env.getProperty("message"))),
                    new SieveEnvelope(env.getProperty("from"), to, to, ""), SieveLimits.DEFAULT);
            String expected = Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
            assertEquals(expected, SieveTestFormat.format(result), name);
            Path err = dir.resolve(name + ".err");
            if (Files.exists(err)) {
                // Pigeonhole also names the conflicting action's location: "(NAME: line 2) ".
                String pigeonhole = Files.readString(err, StandardCharsets.UTF_8).trim()
                        .replaceAll(" \\(" + name + ": line \\d+\\)", "");
                assertEquals(pigeonhole, SieveTestFormat.formatError(name, result), name);
            } else {
                assertEquals(null, result.error(), name);
            }
        }));
    }
}
