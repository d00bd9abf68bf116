package io.tegami.shell.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.shell.CommandFailedException;
import io.tegami.shell.fakes.FakeConfigurationAdmin;
import io.tegami.shell.fakes.FakeConfigurationAdmin.FakeConfiguration;

class ConfigReloaderTest {

    @TempDir
    Path configs;

    private final FakeConfigurationAdmin cm = new FakeConfigurationAdmin();

    private FakeConfiguration loaded(String pid, Path file, String... keyValues) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("service.pid", pid);
        p.put(ConfigReloader.FILENAME, ConfigReloader.fileKey(file));
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return cm.preload(pid, p);
    }

    @Test
    void changedFilesAreUpdatedUnchangedLeftAloneNewCreatedGoneDeleted() throws IOException {
        Path main = Files.writeString(configs.resolve("tegami.main.cfg"), "# comment\nmyhostname = mx.example.com\n");
        Path smtp = Files.writeString(configs.resolve("tegami.listener-smtp.cfg"), "protocol = smtp\nport = 2525\n");
        FakeConfiguration mainConfig = loaded("tegami.main", main, "myhostname", "old.example.com");
        FakeConfiguration smtpConfig = loaded("tegami.listener~smtp", smtp, "protocol", "smtp", "port", "2525");
        FakeConfiguration gone = loaded("tegami.listener~pop3", configs.resolve("tegami.listener-pop3.cfg"),
                "protocol", "pop3");
        Files.writeString(configs.resolve("tegami.extra.cfg"), "a = b\n");

        ConfigReloader.Result r = new ConfigReloader(cm).reload(configs);

        assertEquals(new ConfigReloader.Result(1, 1, 1, 1), r);
        assertEquals("mx.example.com", mainConfig.stored().get("myhostname"));
        assertEquals(ConfigReloader.fileKey(main), mainConfig.stored().get(ConfigReloader.FILENAME));
        assertEquals(0, smtpConfig.updates);
        assertNull(gone.stored());
        assertEquals("b", cm.find("tegami.extra").stored().get("a"));
        assertTrue(cm.lookups.contains("tegami.extra ?"));
    }

    @Test
    void reloadActionSaysRefreshingAndFailsCleanly() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Files.writeString(configs.resolve("tegami.main.cfg"), "myhostname = a\n");
        new ReloadAction(cm, configs).run(List.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("postfix/postfix-script: refreshing the Postfix mail system\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("a", cm.find("tegami.main").stored().get("myhostname"));

        CommandFailedException e = assertThrows(CommandFailedException.class, () -> new ReloadAction(cm,
                configs.resolve("missing")).run(List.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("postfix/postfix-script: fatal: cannot reload "), e.getMessage());
        e = assertThrows(CommandFailedException.class, () -> new ReloadAction(null, configs).run(List.of(),
                System.out, System.err));
        assertTrue(e.getMessage().startsWith("postfix/postfix-script: fatal: ConfigurationAdmin is not available"));
    }
}
