package io.tegami.aliases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tegami.api.address.Destination;
import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.mail.MailAddress;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** newaliases and postalias through the real Gogo runtime, as tegami-ctl and the console call them. */
class AliasCommandsGogoTest {

    @TempDir
    Path home;

    @Test
    void commandsRunInGogoAndPrintPostaliasWarnings() throws Exception {
        Files.createDirectories(home.resolve("configs"));
        Files.writeString(home.resolve("configs/aliases"), "a: b\n");
        Files.writeString(home.resolve("other"), "x: y\n\n# c\nz\n");
        AliasesComponent aliases = new AliasesComponent(new MapMailParameters(home, Map.of("myhostname", "h.test")));
        ThreadIOImpl io = new ThreadIOImpl();
        io.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(io);
        try {
            processor.addCommand("tegami", aliases, "newaliases");
            processor.addCommand("tegami", aliases, "postalias");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, err)) {
                Files.writeString(home.resolve("configs/aliases"), "a: c\n");
                assertNull(session.execute("newaliases"));
                assertEquals(List.of(new Destination.Address(MailAddress.parse("c@h.test"))),
                        aliases.resolve(MailAddress.parse("a@h.test")).orElseThrow());
                session.execute("postalias " + home.resolve("other"));
            }
            assertEquals("", out.toString(StandardCharsets.UTF_8));
            assertEquals("postalias: warning: " + home.resolve("other") + ", line 4: need name:value pair\n",
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            processor.stop();
            io.stop();
        }
    }
}
