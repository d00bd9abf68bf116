package io.tegami.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MainParametersTest {

    private final MainParameters params =
            new MainParameters(PostfixDefaults.forHost("mx1.example.org"), Path.of("/opt/tegami"));

    @Test
    void defaultsFollowPostfix() {
        assertEquals("example.org", params.get("mydomain").orElseThrow());
        assertEquals(List.of("mx1.example.org", "localhost.example.org", "localhost"), params.getList("mydestination"));
        assertEquals("mx1.example.org ESMTP Tegami", params.get("smtpd_banner").orElseThrow());
        assertFalse(params.getBoolean("disable_vrfy_command", true));
        assertEquals(10240000L, params.getLong("message_size_limit", 0));
        assertEquals(Duration.ofDays(5), params.getDuration("maximal_queue_lifetime", Duration.ZERO));
        assertEquals(Path.of("/opt/tegami/data/spool"), params.getPath("queue_directory").orElseThrow());
        assertTrue(params.explicit().isEmpty());
    }

    @Test
    void explicitValuesOverrideDefaultsAndFeedExpansion() {
        Map<String, Object> config = new HashMap<>();
        config.put("myhostname", "mail.tegami.test");
        config.put("disable_vrfy_command", "yes");
        config.put("queue_directory", "/var/spool/tegami");
        config.put("service.pid", "tegami.main");
        config.put("felix.fileinstall.filename", "file:/x/tegami.main.cfg");
        params.configure(config);

        assertEquals("tegami.test", params.get("mydomain").orElseThrow(),
                "mydomain's default derives from the configured myhostname, as in Postfix");
        assertEquals(List.of("mail.tegami.test", "localhost.tegami.test", "localhost"), params.getList("mydestination"));
        assertTrue(params.getBoolean("disable_vrfy_command", false));
        assertEquals(Path.of("/var/spool/tegami"), params.getPath("queue_directory").orElseThrow());
        assertEquals(Map.of("myhostname", "mail.tegami.test", "disable_vrfy_command", "yes",
                "queue_directory", "/var/spool/tegami"), params.explicit());
    }

    @Test
    void badNumbersAndTimesFallBack() {
        params.configure(Map.of("message_size_limit", "lots", "queue_run_delay", "soon"));
        assertEquals(42L, params.getLong("message_size_limit", 42));
        assertEquals(Duration.ofSeconds(7), params.getDuration("queue_run_delay", Duration.ofSeconds(7)));
    }

    @Test
    void cachedExpansionsFollowEveryConfigurationChange() {
        assertEquals(List.of("mx1.example.org", "localhost.example.org", "localhost"), params.getList("mydestination"));
        params.configure(Map.of("myhostname", "mx2.example.net"));
        assertEquals(List.of("mx2.example.net", "localhost.example.net", "localhost"), params.getList("mydestination"));
        assertTrue(params.get("no_such_parameter").isEmpty());
        params.configure(Map.of("no_such_parameter", "now set"));
        assertEquals("now set", params.get("no_such_parameter").orElseThrow());
    }

    @Test
    void unknownParameterIsEmpty() {
        assertTrue(params.get("no_such_parameter").isEmpty());
        assertEquals(List.of(), params.getList("no_such_parameter"));
    }
}
