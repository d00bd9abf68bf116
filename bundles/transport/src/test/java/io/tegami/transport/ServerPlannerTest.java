package io.tegami.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.tegami.api.dns.DnsAnswer.Status;
import org.junit.jupiter.api.Test;

/** MX ordering, fallbacks and DNS failures, as Postfix's smtp_addr.c handles them. */
class ServerPlannerTest {

    private final FakeDns dns = new FakeDns();

    private ServerPlanner planner(long seed) {
        return new ServerPlanner(dns, Duration.ofSeconds(5), new Random(seed * 0x9E3779B97F4A7C15L)); // spread: close seeds start alike
    }

    private List<String> relays(ServerPlanner.Plan plan) {
        assertNull(plan.failure(), () -> plan.failure().text());
        return plan.targets().stream().map(Target::relay).toList();
    }

    @Test
    void mxHostsByPreferenceEachWithItsAddresses() {
        dns.mx("example.org", 20, "mx2.example.org").mx("example.org", 10, "mx1.example.org")
                .a("mx1.example.org", "192.0.2.1", "2001:db8::1").a("mx2.example.org", "192.0.2.2");
        assertEquals(List.of("mx1.example.org[192.0.2.1]:25", "mx1.example.org[2001:db8::1]:25", "mx2.example.org[192.0.2.2]:25"),
                relays(planner(1).plan(Nexthop.domain("example.org", 25), 0)));
    }

    @Test
    void equalPreferencesComeInRandomOrder() {
        dns.mx("example.org", 10, "a.example.org").mx("example.org", 10, "b.example.org").mx("example.org", 5, "first.example.org")
                .a("a.example.org", "192.0.2.1").a("b.example.org", "192.0.2.2").a("first.example.org", "192.0.2.3");
        Set<String> seconds = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            List<String> order = relays(planner(seed).plan(Nexthop.domain("example.org", 25), 0));
            assertEquals("first.example.org[192.0.2.3]:25", order.get(0));
            seconds.add(order.get(1));
        }
        assertEquals(Set.of("a.example.org[192.0.2.1]:25", "b.example.org[192.0.2.2]:25"), seconds);
    }

    @Test
    void theAddressLimitCutsTheList() {
        dns.mx("example.org", 10, "mx.example.org").a("mx.example.org", "192.0.2.1", "192.0.2.2", "192.0.2.3");
        assertEquals(2, planner(1).plan(Nexthop.domain("example.org", 25), 2).targets().size());
    }

    @Test
    void noMxMeansTheDomainsOwnAddresses() {
        dns.a("example.org", "192.0.2.9");
        assertEquals(List.of("example.org[192.0.2.9]:2525"), relays(planner(1).plan(Nexthop.domain("example.org", 2525), 0)));
    }

    @Test
    void bracketsSkipTheMxLookup() {
        dns.mx("relay.example", 10, "mx.elsewhere.example").a("relay.example", "192.0.2.7");
        assertEquals(List.of("relay.example[192.0.2.7]:587"),
                relays(planner(1).plan(Nexthop.parse("[relay.example]:587", 25, PortNames.DEFAULT_KNOWN), 0)));
        assertFalse(dns.asked.contains("relay.example/MX"));
        assertEquals(List.of("127.0.0.1[127.0.0.1]:10025"),
                relays(new ServerPlanner(null, Duration.ofSeconds(1), new Random()).plan(
                        Nexthop.parse("[127.0.0.1]:10025", 25, PortNames.DEFAULT_KNOWN), 0)), "a literal needs no DNS");
    }

    @Test
    void nullMxBounces() {
        dns.mx("nomail.example", 0, "");
        Failure f = planner(1).plan(Nexthop.domain("nomail.example", 25), 0).failure();
        assertTrue(f.permanent());
        assertEquals("5.1.10", f.dsn());
        assertEquals("Domain nomail.example does not accept mail (nullMX)", f.text());
    }

    @Test
    void nxdomainBouncesAndTemporaryFailuresDefer() {
        Failure nx = planner(1).plan(Nexthop.domain("nowhere.example", 25), 0).failure();
        assertTrue(nx.permanent());
        assertEquals("5.4.4", nx.dsn());
        assertEquals("Host or domain name not found. Name service error for name=nowhere.example type=MX: Host not found",
                nx.text());
        dns.fail("flaky.example", Status.TEMPORARY_FAILURE);
        Failure temp = planner(1).plan(Nexthop.domain("flaky.example", 25), 0).failure();
        assertFalse(temp.permanent());
        assertEquals("4.4.3", temp.dsn());
        assertTrue(temp.text().endsWith("type=MX: Host not found, try again"), temp.text());
        assertEquals("none", temp.result().relay());
    }

    @Test
    void unresolvableExchangersBounceUnlessOneFailedTemporarily() {
        dns.mx("example.org", 10, "gone.example.org");
        Failure f = planner(1).plan(Nexthop.domain("example.org", 25), 0).failure();
        assertTrue(f.permanent());
        assertTrue(f.text().contains("name=gone.example.org type=A: Host not found"), f.text());
        dns.mx("example.org", 20, "flaky.example.org").fail("flaky.example.org", Status.TEMPORARY_FAILURE);
        assertFalse(planner(1).plan(Nexthop.domain("example.org", 25), 0).failure().permanent());
        dns.mx("example.org", 30, "ok.example.org").a("ok.example.org", "192.0.2.5");
        assertEquals(List.of("ok.example.org[192.0.2.5]:25"), relays(planner(1).plan(Nexthop.domain("example.org", 25), 0)));
    }

    @Test
    void withoutAResolverEverythingButLiteralsDefers() {
        Failure f = new ServerPlanner(null, Duration.ofSeconds(1), new Random()).plan(Nexthop.domain("example.org", 25), 0)
                .failure();
        assertFalse(f.permanent());
    }
}
