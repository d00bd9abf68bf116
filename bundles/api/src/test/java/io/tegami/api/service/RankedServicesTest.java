package io.tegami.api.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankedServicesTest {

    @Test
    void highestRankingFirstThenOldestService() {
        RankedServices<String> services = new RankedServices<>();
        services.add("plain-late", Map.of("service.id", 9L));
        services.add("ranked", Map.of("service.id", 10L, "service.ranking", 5));
        services.add("plain-early", Map.of("service.id", 3L));
        services.add("not-an-integer-ranking", Map.of("service.id", 1L, "service.ranking", "100"));
        assertEquals(List.of("ranked", "not-an-integer-ranking", "plain-early", "plain-late"), services.snapshot());
    }

    @Test
    void removalIsByIdentityAndSnapshotsDoNotChange() {
        RankedServices<String> services = new RankedServices<>();
        String a = new String("a");
        services.add(a, Map.of("service.id", 1L));
        services.add(new String("a"), Map.of("service.id", 2L));
        List<String> before = services.snapshot();
        services.remove(a);
        assertEquals(2, before.size());
        assertEquals(1, services.snapshot().size());
    }
}
