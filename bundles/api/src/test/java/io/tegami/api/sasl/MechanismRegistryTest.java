package io.tegami.api.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.sasl.testing.FakeMechanism;

/** Names from the service property, ranking, service age, removal and snapshots. */
class MechanismRegistryTest {

    private final MechanismRegistry registry = new MechanismRegistry();

    @Test
    void namesComeFromThePropertyElseTheMechanism() {
        FakeMechanism plain = FakeMechanism.plain();
        FakeMechanism cram = FakeMechanism.serverFirst();
        registry.add(plain, Map.of(SaslMechanism.MECHANISM, " plain "));
        registry.add(cram, Map.of());
        assertEquals(Map.of("PLAIN", plain, "CRAM-MD5", cram), registry.byName());
    }

    @Test
    void highestRankingThenOldestServiceWins() {
        FakeMechanism old = FakeMechanism.plain();
        FakeMechanism young = FakeMechanism.plain();
        FakeMechanism ranked = FakeMechanism.plain();
        registry.add(young, Map.of("service.id", 9L));
        registry.add(old, Map.of("service.id", 3L));
        assertSame(old, registry.byName().get("PLAIN"));
        registry.add(ranked, Map.of("service.id", 12L, "service.ranking", 5));
        assertSame(ranked, registry.byName().get("PLAIN"));
        registry.remove(ranked);
        assertSame(old, registry.byName().get("PLAIN"));
    }

    @Test
    void snapshotsDoNotChangeAfterwards() {
        FakeMechanism login = FakeMechanism.login();
        registry.add(login, Map.of());
        Map<String, SaslMechanism> before = registry.byName();
        registry.remove(login);
        assertEquals(List.of("LOGIN"), List.copyOf(before.keySet()));
        assertTrue(registry.byName().isEmpty());
    }
}
