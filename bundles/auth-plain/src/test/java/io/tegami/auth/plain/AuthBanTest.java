package io.tegami.auth.plain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;

/** The auth-failure ban: the limit, its time window, expiry, per-/48 counting and the exceptions. */
class AuthBanTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private final AuthPenaltyService service = new AuthPenaltyService(clock);
    private final MapMailParameters params = MapMailParameters.of(Path.of("/nonexistent"),
            "mynetworks", "127.0.0.0/8 [::1]/128 192.168.0.0/16", "tegami_auth_failure_ban_limit", "3",
            "tegami_auth_failure_ban_time", "10m");

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void theLimitBansForTheBanTimeAndThenForgets() throws Exception {
        service.bind(params);
        InetAddress a = ip("192.0.2.1");
        service.failure(a);
        service.failure(a);
        assertFalse(service.banned(a), "two failures");
        service.success(a);
        service.failure(a);
        assertTrue(service.banned(a), "three: a success in between does not reset the count");
        assertFalse(service.banned(ip("192.0.2.2")), "others are not");
        now.addAndGet(Duration.ofMinutes(10).toMillis() - 1);
        assertTrue(service.banned(a));
        now.addAndGet(1);
        assertFalse(service.banned(a), "the ban has run its time");
    }

    @Test
    void failuresFarApartNeverBan() throws Exception {
        service.bind(params);
        InetAddress a = ip("192.0.2.1");
        for (int i = 0; i < 5; i++) {
            service.failure(a);
            now.addAndGet(Duration.ofMinutes(11).toMillis());
        }
        assertFalse(service.banned(a));
    }

    @Test
    void mynetworksIsNeverBannedAndIpv6CountsPer48() throws Exception {
        service.bind(params);
        for (int i = 0; i < 5; i++) {
            service.failure(ip("192.168.1.1"));
            service.failure(ip("2001:db8:1:" + i + "::1"));
        }
        assertFalse(service.banned(ip("192.168.1.1")));
        assertTrue(service.banned(ip("2001:db8:1:ffff::2")), "one /48, one client");
    }

    @Test
    void explicitExceptionsReplaceMynetworksAndZeroTurnsTheBanOff() throws Exception {
        params.set("tegami_auth_failure_ban_exceptions", "192.0.2.0/24");
        service.bind(params);
        for (int i = 0; i < 3; i++) {
            service.failure(ip("192.0.2.9"));
            service.failure(ip("192.168.1.1"));
        }
        assertFalse(service.banned(ip("192.0.2.9")));
        assertTrue(service.banned(ip("192.168.1.1")));
        params.set("tegami_auth_failure_ban_limit", "0");
        for (int i = 0; i < 5; i++) {
            service.failure(ip("198.51.100.1"));
        }
        assertFalse(service.banned(ip("198.51.100.1")));
    }
}
