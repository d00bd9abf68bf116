package io.tegami.shell.postconf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfgFileEditorTest {

    @TempDir
    Path dir;

    @Test
    void replacesInPlaceKeepsCommentsAndAppendsNewOnes() throws Exception {
        Path cfg = dir.resolve("tegami.main.cfg");
        Files.writeString(cfg, "# main.cf\n#myhostname = commented\nmyhostname = old.example\n\nmydomain: example\n",
                StandardCharsets.UTF_8);
        new CfgFileEditor(cfg).apply(Map.of("myhostname", "mail.example.org", "relayhost", "[smarthost]:587"), List.of("mydomain"));
        assertEquals("# main.cf\n#myhostname = commented\nmyhostname = mail.example.org\n\nrelayhost = [smarthost]:587\n",
                Files.readString(cfg, StandardCharsets.UTF_8));
    }

    @Test
    void continuationLinesBelongToTheirKeyAndDuplicatesCollapse() {
        List<String> out = CfgFileEditor.edit(
                List.of("mydestination = a, \\", "   b, c", "other = x", "mydestination = again"),
                Map.of("mydestination", "$myhostname"), List.of());
        assertEquals(List.of("mydestination = $myhostname", "other = x"), out);
    }

    @Test
    void valuesSurviveThePropertiesFormat() throws Exception {
        String value = "regexp:/^(.*)\\.example$/ tab\there";
        Properties p = new Properties();
        p.load(new StringReader(CfgFileEditor.line("header_checks", value)));
        assertEquals(value, p.getProperty("header_checks"));
    }

    @Test
    void createsTheFileWhenMissing() throws Exception {
        Path cfg = dir.resolve("configs/tegami.main.cfg");
        new CfgFileEditor(cfg).apply(Map.of("disable_vrfy_command", "yes"), List.of());
        assertEquals("disable_vrfy_command = yes\n", Files.readString(cfg));
        try (var files = Files.list(cfg.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
