package io.tegami.auth.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.MailParameters;

/** The service reads auth_failure_delay at each failure. */
class AuthPenaltyServiceTest {

    private final Map<String, String> values = new HashMap<>();
    private final AuthPenaltyService service = new AuthPenaltyService(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void defaultIsDovecotsTwoSecondsAndAChangeAppliesAtOnce() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        assertEquals(Duration.ofSeconds(2), service.failure(a), "without parameters");
        service.bind(new Params());
        values.put("auth_failure_delay", "1 secs");
        assertEquals(Duration.ofSeconds(2), service.failure(a), "second failure, base 1 s");
        values.put("auth_failure_delay", "0");
        assertEquals(Duration.ZERO, service.failure(a));
        values.remove("auth_failure_delay");
        service.success(a);
        assertEquals(Duration.ofSeconds(2), service.failure(a));
    }

    private final class Params implements MailParameters {
        @Override
        public Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name));
        }

        @Override
        public List<String> getList(String name) {
            return List.of();
        }

        @Override
        public boolean getBoolean(String name, boolean fallback) {
            return fallback;
        }

        @Override
        public long getLong(String name, long fallback) {
            return fallback;
        }

        @Override
        public Duration getDuration(String name, Duration fallback) {
            return fallback;
        }

        @Override
        public Optional<Path> getPath(String name) {
            return Optional.empty();
        }

        @Override
        public Path home() {
            return Path.of(".");
        }

        @Override
        public Map<String, String> defaults() {
            return Map.of();
        }

        @Override
        public Map<String, String> explicit() {
            return Map.copyOf(values);
        }
    }
}
