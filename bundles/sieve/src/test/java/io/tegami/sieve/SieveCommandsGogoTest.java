package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tegami.api.config.testing.MapMailParameters;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sieve-test and sievec through the real Gogo runtime, as tegami-ctl and the console call them:
 * the dashed name reaches {@code _main}, output goes to the session's streams, and a failure
 * reaches the caller as the exception the admin socket turns into exit status 1.
 */
class SieveCommandsGogoTest {

    @TempDir
    Path home;

    @Test
    void commandsRunInGogo() throws Exception {
        Files.writeString(home.resolve("s.sieve"), "require \"fileinto\";\nfileinto \"Lists\";\n");
        Files.writeString(home.resolve("bad.sieve"), "if keep { }\n");
        Files.writeString(home.resolve("m.eml"), "From: a@b.c\nTo: d@e.f\nSubject: x\n\nbody\n");
        MapMailParameters parameters = new MapMailParameters(home, Map.of());
        SieveEngineImpl engine = SieveEngineImpl.withBundledExtensions();
        ThreadIOImpl io = new ThreadIOImpl();
        io.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(io);
        try {
            processor.addCommand("tegami", new SieveTestCommand(engine, parameters), "sieve-test");
            processor.addCommand("tegami", new SievecCommand(engine, parameters), "sievec");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, err)) {
                assertNull(session.execute("sieve-test s.sieve m.eml -f x@y.z"));
                assertNull(session.execute("tegami:sievec s.sieve"));
                SieveToolException e = assertThrows(SieveToolException.class, () -> session.execute("sievec bad.sieve"));
                assertEquals("sievec: Fatal: failed to compile sieve script 'bad.sieve'", e.getMessage());
            }
            assertEquals("\nPerformed actions:\n\n * store message in folder: Lists\n\nImplicit keep:\n\n  (none)\n\n",
                    out.toString(StandardCharsets.UTF_8));
            assertEquals("sieve-test: Info: final result: success\n"
                    + "bad: line 1: error: attempted to use command 'keep' as test.\nbad: error: validation failed.\n",
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            processor.stop();
            io.stop();
        }
    }
}
