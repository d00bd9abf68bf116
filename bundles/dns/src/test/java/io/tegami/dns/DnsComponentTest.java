package io.tegami.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.dns.DnsAnswer;
import io.tegami.api.dns.DnsAnswer.Status;
import io.tegami.api.dns.MxRecord;
import io.tegami.dns.testing.DnsStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver against a loopback DNS server that answers what each test puts in it. */
class DnsComponentTest {

    @TempDir
    Path home;
    DnsStub stub;
    MapMailParameters parameters;
    DnsComponent dns;

    @BeforeEach
    void setUp() throws Exception {
        stub = DnsStub.start();
        parameters = MapMailParameters.of(home, "dns_servers", stub.server(), "dns_timeout", "1s",
                "dns_attempts", "1", "inet_protocols", "all");
        dns = new DnsComponent(parameters);
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    static <T> DnsAnswer<T> get(CompletionStage<DnsAnswer<T>> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void mxRecordsComeSortedByPreferenceWithTheirTtl() throws Exception {
        stub.mx("example.org", 20, "mx2.example.org").mx("example.org", 10, "mx1.example.org")
                .mx("example.org", 20, "mx3.example.org");
        DnsAnswer<MxRecord> answer = get(dns.mx("example.org"));
        assertEquals(Status.FOUND, answer.status());
        assertEquals(List.of(10, 20, 20), answer.records().stream().map(MxRecord::preference).toList());
        assertEquals("mx1.example.org", answer.records().get(0).host());
        assertEquals(Duration.ofSeconds(300), answer.ttl());
    }

    @Test
    void nullMxIsARecordWithAnEmptyHost() throws Exception {
        stub.mx("nomail.example", 0, "");
        DnsAnswer<MxRecord> answer = get(dns.mx("nomail.example"));
        assertEquals(1, answer.records().size());
        assertTrue(answer.records().get(0).isNull());
    }

    @Test
    void nxdomainAndNodataAreToldApart() throws Exception {
        stub.a("host.example.org", "192.0.2.1");
        assertEquals(Status.NO_DATA, get(dns.mx("host.example.org")).status());
        assertEquals(Status.NOT_FOUND, get(dns.mx("nowhere.example.org")).status());
        assertEquals(Status.NOT_FOUND, get(dns.addresses("nowhere.example.org")).status());
        stub.mx("mxonly.example.org", 10, "mx.example.org");
        assertEquals(Status.NO_DATA, get(dns.addresses("mxonly.example.org")).status());
    }

    @Test
    void serverFailuresAndSilenceAreTemporaryFailuresNotExceptions() throws Exception {
        stub.servfail("broken.example");
        stub.silent("slow.example");
        assertEquals(Status.TEMPORARY_FAILURE, get(dns.mx("broken.example")).status());
        long start = System.nanoTime();
        assertEquals(Status.TEMPORARY_FAILURE, get(dns.mx("slow.example")).status());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "dns_timeout bounds the wait");
    }

    @Test
    void aDeadServerIsATemporaryFailure() throws Exception {
        int port = stub.port();
        stub.close();
        parameters.set("dns_servers", "127.0.0.1:" + port);
        assertEquals(Status.TEMPORARY_FAILURE, get(dns.mx("example.org")).status());
        assertEquals(Status.TEMPORARY_FAILURE, get(dns.addresses("mx.example.org")).status());
    }

    @Test
    void addressesAskAAndAaaaAsInetProtocolsAllowsIpv4First() throws Exception {
        stub.aaaa("mx.example.org", "2001:db8::25").a("mx.example.org", "192.0.2.25");
        assertEquals(List.of(InetAddress.getByName("192.0.2.25"), InetAddress.getByName("2001:db8::25")),
                get(dns.addresses("mx.example.org")).records());
        parameters.set("inet_protocols", "ipv4");
        assertEquals(List.of(InetAddress.getByName("192.0.2.25")), get(dns.addresses("mx.example.org")).records());
        parameters.set("inet_protocols", "ipv6");
        assertEquals(List.of(InetAddress.getByName("2001:db8::25")), get(dns.addresses("mx.example.org")).records());
        assertEquals(List.of("mx.example.org/A", "mx.example.org/A", "mx.example.org/AAAA", "mx.example.org/AAAA"),
                stub.queries().stream().sorted().toList(), "A and AAAA for all, then A only, then AAAA only");
    }

    @Test
    void anAddressFromOneFamilyIsEnoughWhenTheOtherFails() throws Exception {
        stub.a("v4only.example", "192.0.2.7");
        DnsAnswer<InetAddress> answer = get(dns.addresses("v4only.example"));
        assertEquals(Status.FOUND, answer.status());
        assertEquals(List.of(InetAddress.getByName("192.0.2.7")), answer.records());
    }

    @Test
    void ipLiteralsAreAnsweredWithoutAQuestion() throws Exception {
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), get(dns.addresses("127.0.0.1")).records());
        assertEquals(List.of(InetAddress.getByName("::1")), get(dns.addresses("[IPv6:::1]")).records());
        assertEquals(List.of(InetAddress.getByName("192.0.2.1")), get(dns.addresses("[192.0.2.1]")).records());
        assertTrue(stub.queries().isEmpty(), stub.queries().toString());
    }

    @Test
    void namesAreNeverCompletedWithSearchDomains() throws Exception {
        assertEquals(Status.NOT_FOUND, get(dns.mx("localdomainless")).status());
        assertEquals(List.of("localdomainless/MX"), stub.queries());
    }

    @Test
    void cnamesAreFollowed() throws Exception {
        stub.cname("alias.example.org", "real.example.org").a("real.example.org", "192.0.2.9");
        parameters.set("inet_protocols", "ipv4");
        assertEquals(List.of(InetAddress.getByName("192.0.2.9")), get(dns.addresses("alias.example.org")).records());
    }

    @Test
    void truncatedUdpAnswersAreAskedAgainOverTcp() throws Exception {
        stub.mx("example.org", 10, "mx.example.org").truncateUdp(true);
        assertEquals("mx.example.org", get(dns.mx("example.org")).records().get(0).host());
        assertTrue(stub.tcpQueries() >= 1);
    }

    @Test
    void txtAndPtrAndPlainA() throws Exception {
        stub.txt("2.0.0.127.zen.example", "Listed ", "by test").a("2.0.0.127.zen.example", "127.0.0.2")
                .aaaa("2.0.0.127.zen.example", "::2").ptr("7.2.0.192.in-addr.arpa", "host.example.org");
        assertEquals(List.of("Listed by test"), get(dns.txt("2.0.0.127.zen.example")).records());
        assertEquals(List.of(InetAddress.getByName("127.0.0.2")), get(dns.a("2.0.0.127.zen.example")).records());
        assertEquals(List.of("host.example.org"), get(dns.ptr(InetAddress.getByName("192.0.2.7"))).records());
    }

    @Test
    void malformedNamesDoNotExist() throws Exception {
        assertEquals(Status.NOT_FOUND, get(dns.mx("bad..name")).status());
        assertEquals(Status.NOT_FOUND, get(dns.mx("")).status());
    }

    @Test
    void aChangedServerListAppliesToTheNextLookup() throws Exception {
        try (DnsStub other = DnsStub.start()) {
            other.mx("example.org", 5, "other.example.org");
            stub.mx("example.org", 5, "first.example.org");
            assertEquals("first.example.org", get(dns.mx("example.org")).records().get(0).host());
            parameters.set("dns_servers", other.server());
            assertEquals("other.example.org", get(dns.mx("example.org")).records().get(0).host());
        }
    }
}
