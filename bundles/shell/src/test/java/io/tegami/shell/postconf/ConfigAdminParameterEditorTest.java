package io.tegami.shell.postconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.shell.fakes.FakeConfigurationAdmin;
import io.tegami.shell.fakes.FakeConfigurationAdmin.FakeConfiguration;

class ConfigAdminParameterEditorTest {

    private final FakeConfigurationAdmin configAdmin = new FakeConfigurationAdmin();
    private final ConfigAdminParameterEditor editor = new ConfigAdminParameterEditor(configAdmin);

    @Test
    void updatesTegamiMainKeepingOtherKeys() throws Exception {
        Hashtable<String, Object> existing = new Hashtable<>();
        existing.put("service.pid", "tegami.main");
        existing.put("felix.fileinstall.filename", "file:/opt/tegami/configs/tegami.main.cfg");
        existing.put("myhostname", "old.example.com");
        existing.put("relayhost", "[smtp.example.com]:587");
        FakeConfiguration config = configAdmin.preload("tegami.main", existing);

        editor.apply(Map.of("myhostname", "mx.example.com", "mydestination", "$myhostname, localhost"),
                List.of("relayhost"));

        assertEquals(List.of("tegami.main ?"), configAdmin.lookups);
        Hashtable<String, Object> stored = config.stored();
        assertEquals("mx.example.com", stored.get("myhostname"));
        assertEquals("$myhostname, localhost", stored.get("mydestination"));
        assertEquals("file:/opt/tegami/configs/tegami.main.cfg", stored.get("felix.fileinstall.filename"));
        assertNull(stored.get("relayhost"));
        assertEquals(1, config.updates);
    }

    @Test
    void createsTheConfigurationWhenThereIsNone() throws Exception {
        editor.apply(Map.of("myhostname", "mx.example.com"), List.of());
        assertEquals("mx.example.com", configAdmin.find("tegami.main").stored().get("myhostname"));
    }

    @Test
    void nothingNewMeansNoUpdate() throws Exception {
        Hashtable<String, Object> existing = new Hashtable<>();
        existing.put("myhostname", "mx.example.com");
        FakeConfiguration config = configAdmin.preload("tegami.main", existing);
        editor.apply(Map.of("myhostname", "mx.example.com"), List.of("not_set"));
        assertEquals(0, config.updates);
    }
}
