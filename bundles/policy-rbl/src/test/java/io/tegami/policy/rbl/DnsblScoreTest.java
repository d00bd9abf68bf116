package io.tegami.policy.rbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;

/** postscreen's weighted DNSBL score as the reject_dnsbl_score restriction. */
class DnsblScoreTest {

    private final FakeDnsResolver dns = new FakeDnsResolver();
    private final MapMailParameters params = new MapMailParameters(Path.of("."));
    private final DnsblScorePolicy policy = new DnsblScorePolicy(new DnsLists());

    DnsblScoreTest() {
        policy.bind(dns, params);
        dns.a("2.0.0.127.zen.example", "127.0.0.4").a("2.0.0.127.bl.example", "127.0.0.2")
                .a("3.0.0.127.bl.example", "127.0.0.2").a("3.0.0.127.wl.example", "127.0.10.2")
                .a("4.0.0.127.wl.example", "127.0.10.2");
        params.set("postscreen_dnsbl_sites", "zen.example=127.0.0.[2..11]*3, bl.example*1, wl.example=127.0.[0..255].[2..3]*-2");
        params.set("postscreen_dnsbl_threshold", "2");
    }

    private static PolicyRequest request(String client) {
        try {
            return new PolicyRequest("CONNECT", "SMTP", InetAddress.getByName(client), "unknown", "unknown", null, null,
                    null, 0, null, null, false, 0, "smtp");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String check(String client) {
        return policy.check(DnsblScore.NAME, null, request(client)).toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).join().text();
    }

    @Test
    void weightsAddUpToTheThreshold() {
        // 3 + 1: rejected, naming the heaviest list.
        assertEquals("REPLY 550 5.7.1 Service unavailable; client [127.0.0.2] blocked using zen.example", check("127.0.0.2"));
        // 1 - 2: below the threshold.
        assertEquals("DUNNO", check("127.0.0.3"));
        params.set("postscreen_dnsbl_threshold", "4");
        assertEquals("REPLY 550 5.7.1 Service unavailable; client [127.0.0.2] blocked using zen.example", check("127.0.0.2"));
        params.set("postscreen_dnsbl_threshold", "5");
        assertEquals("DUNNO", check("127.0.0.2"));
    }

    @Test
    void aNegativeScoreAllowsWhenAskedTo() {
        assertEquals("DUNNO", check("127.0.0.4"));
        params.set("postscreen_dnsbl_allowlist_threshold", "-1");
        assertEquals("OK", check("127.0.0.4"));
        assertEquals("OK", check("127.0.0.3"), "1 - 2 = -1 allows too");
    }

    @Test
    void theReplyMapHidesSecretListNames() {
        params.set("postscreen_dnsbl_reply_map", "inline:{ zen.example=public.example }");
        assertEquals("REPLY 550 5.7.1 Service unavailable; client [127.0.0.2] blocked using public.example", check("127.0.0.2"));
    }

    @Test
    void allListsAreAskedAtOnceAndEachDomainOnce() {
        params.set("postscreen_dnsbl_sites", "zen.example*3, zen.example=127.0.0.4*1, bl.example");
        dns.hold = true;
        CompletableFuture<PolicyAction> answer = policy.check(DnsblScore.NAME, null, request("127.0.0.2")).toCompletableFuture();
        assertEquals(List.of("A 2.0.0.127.zen.example", "A 2.0.0.127.bl.example"), dns.queries);
        assertFalse(answer.isDone());
        dns.held.forEach((name, future) -> future.complete(dns.answerA(name)));
        assertTrue(answer.orTimeout(10, TimeUnit.SECONDS).join().text().contains("blocked using zen.example"));
    }

    @Test
    void silentListsCountAsNotListing() {
        params.set("postscreen_dnsbl_timeout", "1s");
        dns.silent("2.0.0.127.zen.example");
        assertEquals("DUNNO", check("127.0.0.2"), "bl.example alone weighs 1");
    }

    @Test
    void withoutSitesThereIsNothingToDo() {
        params.set("postscreen_dnsbl_sites", "");
        assertEquals("DUNNO", check("127.0.0.2"));
        assertTrue(dns.queries.isEmpty());
    }
}
