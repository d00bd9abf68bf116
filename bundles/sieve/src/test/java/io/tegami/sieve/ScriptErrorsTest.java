package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tegami.api.sieve.SieveCompileException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Invalid scripts: every error, in order, must read as sievec's (corpus-errors/generate.sh). */
class ScriptErrorsTest {

    @TestFactory
    Stream<DynamicTest> errorsAgreeWithSievec() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/corpus-errors").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".sieve")).sorted().toList();
        }
        assertFalse(scripts.isEmpty());
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String name = script.getFileName().toString().replace(".sieve", "");
            String expected = Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8).trim();
            SieveCompileException e = Assertions.assertThrows(SieveCompileException.class,
                    () -> Sieve.ENGINE.compile(name, Files.readString(script, StandardCharsets.UTF_8)));
            String actual = e.errors().stream().map(error -> error.format(name))
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertEquals(expected, actual);
        }));
    }
}
