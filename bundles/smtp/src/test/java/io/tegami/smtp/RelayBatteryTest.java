package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The classic open-relay battery, from a client outside {@code mynetworks} that has not
 * authenticated: every way of smuggling a remote recipient behind our own name is refused, as
 * Postfix refuses it ({@code 454 4.7.1 <...>: Relay access denied} with the default
 * {@code defer_unauth_destination}), or is not even an address ({@code 501}). Our names are
 * {@code host}, {@code localhost} and {@code localhost.example.org}; we listen on 127.0.0.1.
 */
class RelayBatteryTest {

    private static final String SYNTAX = "501 5.1.3 Bad recipient address syntax\r\n";

    /**
     * Two {@code @} outside quotes: Tegami's path parser refuses these as syntax (Postfix's parser
     * takes them and then refuses the relay); either way nothing is relayed. The resolver's own
     * answer to them is in TrivialResolverTest.
     */
    private static final List<String> NOT_ADDRESSES = List.of("<relaytest@relay-test.example@host>",
            "<relaytest@relay-test.example@[127.0.0.1]>", "<relaytest@relay-test.example.@host>");

    private final SmtpHarness smtp = new SmtpHarness();

    static List<String> relayAttempts() {
        return List.of(
                "<relaytest@relay-test.example>",
                "<relaytest%relay-test.example@host>",
                "<relaytest%relay-test.example@[127.0.0.1]>",
                "<\"relaytest@relay-test.example\">",
                "<\"relaytest%relay-test.example\">",
                "<relaytest@relay-test.example@host>",
                "<\"relaytest@relay-test.example\"@host>",
                "<relaytest@relay-test.example@[127.0.0.1]>",
                "<@host:relaytest@relay-test.example>",
                "<@[127.0.0.1]:relaytest@relay-test.example>",
                "<relay-test.example!relaytest>",
                "<relay-test.example!relaytest@host>",
                "<relay-test.example!relaytest@[127.0.0.1]>",
                "<relaytest%relay-test.example@host.>",
                "<\"relay-test.example!relaytest\">",
                "<\"relay-test.example!relaytest\"@host>",
                "<relaytest@relay-test.example.@host>",
                "<\"relaytest%relay-test.example\"@host>",
                "<relaytest%relay-test.example>",
                "<relaytest@[127.0.0.1]>",
                "<relaytest@relay-test.example.>",
                "<relaytest@RELAY-TEST.EXAMPLE>",
                "<\"relaytest@relay-test.example\"@[127.0.0.1]>",
                "<\"relaytest@relay-test.example\"@localhost.example.org>",
                "<relaytest%relay-test.example%host@host>",
                "<@host,@localhost:relaytest@relay-test.example>",
                "relaytest@relay-test.example");
    }

    @BeforeEach
    void stranger() {
        smtp.connection.remote(new InetSocketAddress("192.0.2.7", 50000));
        smtp.start();
        smtp.send("EHLO spammer.example");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<spammer@relay-test.example>"));
    }

    @ParameterizedTest(name = "RCPT TO:{0}")
    @MethodSource("relayAttempts")
    void everyRelayAttemptIsRefused(String path) {
        String reply = smtp.send("RCPT TO:" + path);
        if (NOT_ADDRESSES.contains(path)) {
            assertEquals(SYNTAX, reply, path);
        } else {
            assertTrue(reply.matches("454 4\\.7\\.1 <[^\r\n]*>: Relay access denied\r\n"), path + " -> " + reply);
        }
        assertEquals("554 5.5.1 Error: no valid recipients\r\n", smtp.send("DATA"));
        assertTrue(smtp.queue.committed().isEmpty());
    }

    @Test
    void repliesQuoteTheAddressAsPostfixSeesIt() {
        assertEquals("454 4.7.1 <relaytest%relay-test.example@host>: Relay access denied\r\n",
                smtp.send("RCPT TO:<relaytest%relay-test.example@host>"));
        assertEquals("454 4.7.1 <relaytest@relay-test.example@host>: Relay access denied\r\n",
                smtp.send("RCPT TO:<\"relaytest@relay-test.example\"@host>"));
        assertEquals("454 4.7.1 <relaytest@relay-test.example>: Relay access denied\r\n",
                smtp.send("RCPT TO:<@host:relaytest@relay-test.example>"));
        assertEquals("454 4.7.1 <relaytest@[127.0.0.1]>: Relay access denied\r\n", smtp.send("RCPT TO:<relaytest@[127.0.0.1]>"));
    }

    @Test
    void localRecipientsAreStillWelcome() {
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<alice@host>"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<alice@localhost.>"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<@relay-test.example:alice@host>"));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<relay-test.example!alice@host>".replace("relay-test.example!", "host!")));
        assertEquals("250 2.1.5 Ok\r\n", smtp.send("RCPT TO:<postmaster>"));
        assertEquals("550 5.1.1 <bob@host>: Recipient address rejected: User unknown in local recipient table\r\n",
                smtp.send("RCPT TO:<bob@host>"));
    }

    @Test
    void authenticatedClientsMayRelay() {
        SmtpHarness auth = new SmtpHarness();
        auth.params.set("smtpd_sasl_auth_enable", "yes").set("disable_plaintext_auth", "no");
        auth.connection.remote(new InetSocketAddress("192.0.2.7", 50000));
        auth.start();
        auth.send("EHLO client.example");
        String b64 = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));
        assertEquals("235 2.7.0 Authentication successful\r\n", auth.send("AUTH PLAIN " + b64));
        auth.send("MAIL FROM:<alice@host>");
        assertEquals("250 2.1.5 Ok\r\n", auth.send("RCPT TO:<friend@relay-test.example>"));
    }

    @Test
    void mynetworksMayRelay() {
        SmtpHarness inside = new SmtpHarness();
        inside.start();
        inside.send("EHLO client.example");
        inside.send("MAIL FROM:<alice@host>");
        assertEquals("250 2.1.5 Ok\r\n", inside.send("RCPT TO:<friend@relay-test.example>"));
    }
}
