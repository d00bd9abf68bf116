package io.tegami.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.tegami.dns.testing.DnsStub;

/**
 * DNS block lists through the real bundles: the policy-rbl bundle's restrictions ask a loopback
 * DNS server ({@code dns_servers}) through the dns bundle, and the SMTP server answers with
 * Postfix's replies. The test client connects from 127.0.0.1, which the stub lists in
 * {@code rbl.test} (with a TXT reason) and {@code allow.test}; {@code silent.test} never answers.
 * Each case has its own listener with its own restriction list.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RblIT {

    private static DnsStub dns;

    @Configuration
    public Option[] configuration() {
        int dnsPort;
        int rblPort;
        int silentPort;
        int scorePort;
        try {
            dnsPort = TestHome.freePort();
            rblPort = TestHome.freePort();
            silentPort = TestHome.freePort();
            scorePort = TestHome.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestHome home = TestHome.create("rbl", "dns_servers = 127.0.0.1:" + dnsPort, "dns_timeout = 1s",
                "dns_attempts = 1", "postscreen_dnsbl_timeout = 5s",
                "postscreen_dnsbl_sites = rbl.test*2, allow.test=127.0.10.[1..3]*-1, other.test*3",
                "postscreen_dnsbl_threshold = 1");
        home.addUser("alice", "secret");
        listener(home, "rbl", rblPort, "smtpd_client_restrictions = reject_rbl_client silent.test=127.0.0.2, "
                + "permit_dnswl_client allow.test=127.0.10.9, reject_rbl_client rbl.test\n");
        listener(home, "rblsilent", silentPort, "smtpd_client_restrictions = reject_rbl_client silent.test\n");
        listener(home, "rblscore", scorePort, "smtpd_delay_reject = no\nsmtpd_client_restrictions = reject_dnsbl_score\n");
        return options(composite(TegamiOptions.tegami(home.home)),
                systemProperty("tegami.test.dns").value(String.valueOf(dnsPort)),
                systemProperty("tegami.test.rbl").value(String.valueOf(rblPort)),
                systemProperty("tegami.test.rblsilent").value(String.valueOf(silentPort)),
                systemProperty("tegami.test.rblscore").value(String.valueOf(scorePort)));
    }

    private static void listener(TestHome home, String name, int port, String extra) {
        try {
            Files.writeString(home.home.resolve("configs").resolve("tegami.listener-" + name + ".cfg"),
                    "name = " + name + "\nprotocol = smtp\naddress = 127.0.0.1\nport = " + port + "\ntls = starttls\n" + extra,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Before
    public void startDns() throws Exception {
        synchronized (RblIT.class) {
            if (dns == null) {
                dns = DnsStub.start(Integer.getInteger("tegami.test.dns"));
                dns.a("1.0.0.127.rbl.test", "127.0.0.2").txt("1.0.0.127.rbl.test", "Listed for testing, see https://rbl.test/");
                dns.a("1.0.0.127.allow.test", "127.0.10.2");
                dns.silent("1.0.0.127.silent.test");
            }
        }
        Net.awaitListening(Integer.getInteger("tegami.test.rbl"), 20_000);
        Net.awaitListening(Integer.getInteger("tegami.test.rblsilent"), 20_000);
        Net.awaitListening(Integer.getInteger("tegami.test.rblscore"), 20_000);
    }

    @Test
    public void aListedClientIsRefusedWithPostfixsReply() throws Exception {
        try (SmtpClient smtp = new SmtpClient(Integer.getInteger("tegami.test.rbl"))) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            smtp.send("EHLO client.example\r\n");
            smtp.reply();
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<someone@example.com>"));
            assertEquals("554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using rbl.test; "
                    + "Listed for testing, see https://rbl.test/", smtp.command("RCPT TO:<alice@localhost>"));
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
        assertTrue(dns.queries().toString(), dns.queries().contains("1.0.0.127.rbl.test/TXT"));
    }

    @Test
    public void aListThatDoesNotAnswerFailsOpen() throws Exception {
        try (SmtpClient smtp = new SmtpClient(Integer.getInteger("tegami.test.rblsilent"))) {
            assertTrue(smtp.replyLine().startsWith("220 "));
            smtp.send("EHLO client.example\r\n");
            smtp.reply();
            assertEquals("250 2.1.0 Ok", smtp.command("MAIL FROM:<someone@example.com>"));
            long start = System.nanoTime();
            assertEquals("250 2.1.5 Ok", smtp.command("RCPT TO:<alice@localhost>"));
            assertTrue("waited for the list", System.nanoTime() - start > 500_000_000L);
            assertEquals("221 2.0.0 Bye", smtp.command("QUIT"));
        }
    }

    @Test
    public void theWeightedScoreRefusesAtConnect() throws Exception {
        // rbl.test weighs 2, allow.test -1: a score of 1 reaches the threshold.
        try (SmtpClient smtp = new SmtpClient(Integer.getInteger("tegami.test.rblscore"))) {
            assertEquals("550 5.7.1 Service unavailable; client [127.0.0.1] blocked using rbl.test", smtp.replyLine());
            assertTrue(smtp.command("HELO client.example").startsWith("503 5.7.0 Error: access denied for "));
        }
        assertTrue(dns.queries().toString(), dns.queries().contains("1.0.0.127.other.test/A"));
    }
}
