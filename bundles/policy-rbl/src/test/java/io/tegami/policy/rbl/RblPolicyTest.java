package io.tegami.policy.rbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.smtp.PolicyRequest;

/** The smtpd DNS list restrictions, with a DNS in memory. */
class RblPolicyTest {

    private final FakeDnsResolver dns = new FakeDnsResolver();
    private final MapMailParameters params = new MapMailParameters(Path.of("."));
    private final AtomicLong clock = new AtomicLong();
    private final RblPolicy policy = new RblPolicy(new DnsLists(clock::get));

    RblPolicyTest() {
        policy.bind(dns, params);
        dns.a("2.0.0.127.zen.example", "127.0.0.2").txt("2.0.0.127.zen.example", "Listed; see https://zen.example/q/127.0.0.2");
        dns.a("4.0.0.127.zen.example", "127.0.0.10");
    }

    private static PolicyRequest request(String client, String stage) {
        try {
            return new PolicyRequest(stage, "ESMTP", InetAddress.getByName(client), "unknown", "unknown",
                    "helo.bad.example", "someone@spam.example", "alice@example.org", 0, null, null, false, 0, "smtp");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String check(String name, String argument, PolicyRequest request) {
        return policy.check(name, argument, request).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join().text();
    }

    @Test
    void aListedClientGetsPostfixsReply() {
        assertEquals("REPLY 554 5.7.1 Service unavailable; Client host [127.0.0.2] blocked using zen.example; "
                + "Listed; see https://zen.example/q/127.0.0.2", check("reject_rbl_client", "zen.example", request("127.0.0.2", "RCPT")));
        assertEquals("DUNNO", check("reject_rbl_client", "zen.example", request("127.0.0.3", "RCPT")));
    }

    @Test
    void withoutTxtTheReasonIsLeftOut() {
        assertEquals("REPLY 554 5.7.1 Service unavailable; Client host [127.0.0.4] blocked using zen.example",
                check("reject_rbl_client", "zen.example", request("127.0.0.4", "CONNECT")));
    }

    @Test
    void filtersSelectTheAnswers() {
        assertEquals("DUNNO", check("reject_rbl_client", "zen.example=127.0.0.[3..9]", request("127.0.0.2", "RCPT")));
        assertTrue(check("reject_rbl_client", "zen.example=127.0.0.[3..9;10]", request("127.0.0.4", "RCPT"))
                .endsWith("blocked using zen.example"));
        assertTrue(check("reject_rbl_client", "zen.example=127.0.0.2", request("127.0.0.2", "RCPT")).startsWith("REPLY 554"));
    }

    @Test
    void theCodeAndTemplateAreConfigurable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rbl_reply"), "zen.example=127.0.0.2 $rbl_code 4.7.2 go away, $client_address ($rbl_domain)\n");
        params.set("maps_rbl_reject_code", "450");
        params.set("rbl_reply_maps", "texthash:" + dir.resolve("rbl_reply"));
        assertEquals("REPLY 450 4.7.2 go away, 127.0.0.2 (zen.example)",
                check("reject_rbl_client", "zen.example=127.0.0.2", request("127.0.0.2", "RCPT")));
        assertEquals("REPLY 450 4.7.1 Service unavailable; Client host [127.0.0.2] blocked using zen.example; "
                + "Listed; see https://zen.example/q/127.0.0.2", check("reject_rbl_client", "zen.example", request("127.0.0.2", "RCPT")));
    }

    @Test
    void theDefaultReplyIsATemplateNotAParameterValue() {
        params.set("default_rbl_reply", "$rbl_code 5.7.9 no mail from [$client_address] per $rbl_domain");
        assertEquals("REPLY 554 5.7.9 no mail from [127.0.0.2] per zen.example",
                check("reject_rbl_client", "zen.example", request("127.0.0.2", "RCPT")));
    }

    @Test
    void ipv6ClientsAreAskedByNibbles() {
        dns.a("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.example", "127.0.0.2");
        assertTrue(check("reject_rbl_client", "zen.example", request("2001:db8::1", "RCPT"))
                .startsWith("REPLY 554 5.7.1 Service unavailable; Client host [2001:db8:0:0:0:0:0:1]"));
    }

    @Test
    void aListThatFailsOrIsSilentFailsOpen() {
        dns.failing("5.0.0.127.zen.example").silent("6.0.0.127.zen.example");
        assertEquals("DUNNO", check("reject_rbl_client", "zen.example", request("127.0.0.5", "RCPT")));
        params.set("postscreen_dnsbl_timeout", "1s");
        long start = System.nanoTime();
        assertEquals("DUNNO", check("reject_rbl_client", "zen.example", request("127.0.0.6", "RCPT")));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void answersAreCachedForTheirTtl() {
        check("reject_rbl_client", "zen.example", request("127.0.0.2", "RCPT"));
        check("reject_rbl_client", "zen.example=127.0.0.2", request("127.0.0.2", "RCPT"));
        assertEquals(1, dns.count("A 2.0.0.127.zen.example"));
        clock.addAndGet(Duration.ofSeconds(299).toNanos());
        check("reject_rbl_client", "zen.example", request("127.0.0.2", "RCPT"));
        assertEquals(1, dns.count("A 2.0.0.127.zen.example"));
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        check("reject_rbl_client", "zen.example", request("127.0.0.2", "RCPT"));
        assertEquals(2, dns.count("A 2.0.0.127.zen.example"));
        // Failures are not kept: the next check asks again.
        dns.failing("7.0.0.127.zen.example");
        check("reject_rbl_client", "zen.example", request("127.0.0.7", "RCPT"));
        check("reject_rbl_client", "zen.example", request("127.0.0.7", "RCPT"));
        assertEquals(2, dns.count("A 7.0.0.127.zen.example"));
    }

    @Test
    void rightHandSideListsCheckNamesAndAddresses() {
        dns.a("spam.example.dbl.example", "127.0.1.2").a("bad.example.dbl.example", "127.0.1.2")
                .a("example.org.dbl.example", "127.0.1.2");
        PolicyRequest r = request("192.0.2.1", "RCPT");
        assertEquals("REPLY 554 5.7.1 Service unavailable; Sender address [someone@spam.example] blocked using dbl.example",
                check("reject_rhsbl_sender", "dbl.example", r));
        assertEquals("DUNNO", check("reject_rhsbl_helo", "dbl.example", r), "helo.bad.example is not listed itself");
        assertEquals("REPLY 554 5.7.1 Service unavailable; Recipient address [alice@example.org] blocked using dbl.example",
                check("reject_rhsbl_recipient", "dbl.example", r));
        assertEquals("DUNNO", check("reject_rhsbl_client", "dbl.example", r), "an unknown client name is not looked up");
    }

    @Test
    void theReverseClientNameComesFromPtr() {
        dns.ptr("192.0.2.9", "host.bad.example").a("host.bad.example.dbl.example", "127.0.1.2");
        assertEquals("REPLY 554 5.7.1 Service unavailable; Unverified Client host [host.bad.example] blocked using dbl.example",
                check("reject_rhsbl_reverse_client", "dbl.example", request("192.0.2.9", "RCPT")));
    }

    @Test
    void allowListsPermitOnlyOnAListing() {
        dns.a("2.0.0.127.list.example", "127.0.10.1");
        assertEquals("OK", check("permit_dnswl_client", "list.example", request("127.0.0.2", "CONNECT")));
        assertEquals("permit_auth_destination", check("permit_dnswl_client", "list.example", request("127.0.0.2", "RCPT")));
        assertEquals("DUNNO", check("permit_dnswl_client", "list.example=127.0.10.2", request("127.0.0.2", "CONNECT")));
        assertEquals("DUNNO", check("permit_dnswl_client", "list.example", request("127.0.0.3", "CONNECT")));
        dns.failing("8.0.0.127.list.example");
        assertEquals("DEFER_IF_REJECT Service unavailable", check("permit_dnswl_client", "list.example",
                request("127.0.0.8", "CONNECT")));
    }

    @Test
    void badArgumentsFailTheCheck() {
        CompletionException e = assertThrows(CompletionException.class,
                () -> check("reject_rbl_client", "zen.example=127.0.0", request("127.0.0.2", "RCPT")));
        assertTrue(e.getCause() instanceof IllegalArgumentException);
    }

    @Test
    void withoutAResolverNothingIsListed() {
        policy.bind(null, params);
        assertEquals("DUNNO", check("reject_rbl_client", "zen.example", request("127.0.0.2", "RCPT")));
    }
}
