package io.tegami.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Next-hop syntax, port names, the reply parser, EHLO keywords and mechanism choice. */
class ParsingTest {

    private static final String KNOWN = PortNames.DEFAULT_KNOWN;

    @Test
    void nexthopForms() {
        assertEquals(new Nexthop("example.org", "example.org", 25, true), Nexthop.parse("example.org", 25, KNOWN));
        assertEquals(new Nexthop("Example.ORG:2525", "example.org", 2525, true), Nexthop.parse("Example.ORG:2525", 25, KNOWN));
        assertEquals(new Nexthop("[mail.isp.example]", "mail.isp.example", 25, false),
                Nexthop.parse("[mail.isp.example]", 25, KNOWN));
        assertEquals(new Nexthop("[mail.isp.example]:submission", "mail.isp.example", 587, false),
                Nexthop.parse("[mail.isp.example]:submission", 25, KNOWN));
        assertEquals(new Nexthop("[127.0.0.1]:10025", "127.0.0.1", 10025, false), Nexthop.parse("[127.0.0.1]:10025", 25, KNOWN));
        assertEquals(new Nexthop("[ipv6:2001:db8::1]:26", "2001:db8::1", 26, false),
                Nexthop.parse("[ipv6:2001:db8::1]:26", 25, KNOWN));
        assertEquals(2, Nexthop.parseList("[a.example]:587, b.example", 25, KNOWN).size());
    }

    @Test
    void malformedNexthops() {
        assertThrows(IllegalArgumentException.class, () -> Nexthop.parse("[a.example", 25, KNOWN));
        assertThrows(IllegalArgumentException.class, () -> Nexthop.parse("a.example:", 25, KNOWN));
        assertThrows(IllegalArgumentException.class, () -> Nexthop.parse("a.example:nosuchservice", 25, KNOWN));
        assertThrows(IllegalArgumentException.class, () -> Nexthop.parse("[a.example]x", 25, KNOWN));
        assertThrows(IllegalArgumentException.class, () -> Nexthop.parse("[]:25", 25, KNOWN));
        assertThrows(IllegalArgumentException.class, () -> Nexthop.parse("a:99999", 25, KNOWN));
    }

    @Test
    void portNamesComeFromKnownTcpPorts() {
        assertEquals(25, PortNames.resolve("smtp", KNOWN));
        assertEquals(465, PortNames.resolve("submissions", KNOWN));
        assertEquals(465, PortNames.resolve("smtps", KNOWN));
        assertEquals(2525, PortNames.resolve("2525", KNOWN));
        assertEquals(1234, PortNames.resolve("smtp", "smtp = 1234"));
        assertThrows(IllegalArgumentException.class, () -> PortNames.resolve("smtp", ""));
    }

    @Test
    void multilineRepliesAndEnhancedCodes() throws IOException {
        ReplyReader r = reader("250-mx.example\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250 8BITMIME\r\n"
                + "550 5.1.1 <x@y>: Recipient address rejected\r\n451\r\n250 Ok\n");
        Reply ehlo = r.read();
        assertEquals(250, ehlo.code());
        assertEquals(4, ehlo.lines().size());
        Extensions ext = Extensions.parse(ehlo);
        assertTrue(ext.pipelining());
        assertEquals(1000, ext.size());
        assertTrue(ext.eightBitMime());
        assertFalse(ext.starttls());
        Reply rejected = r.read();
        assertEquals("5.1.1", rejected.dsn());
        assertEquals("550 5.1.1 <x@y>: Recipient address rejected", rejected.toString());
        Reply bare = r.read();
        assertEquals("4.0.0", bare.dsn(), "no enhanced code: the class of the reply code");
        assertEquals(250, r.read().code(), "a bare LF ends a line too");
        assertThrows(EOFException.class, r::read);
    }

    @Test
    void anEnhancedCodeOfAnotherClassIsNotBelieved() throws IOException {
        assertEquals("4.0.0", reader("450 5.1.1 nope\r\n").read().dsn());
        assertEquals("5.7.1", reader("554-5.7.1 first line\r\n554 5.7.1 second\r\n").read().dsn());
        assertEquals("554-5.7.1 first line 554 5.7.1 second",
                reader("554-5.7.1 first line\r\n554 5.7.1 second\r\n").read().toString());
    }

    @Test
    void malformedRepliesAreProtocolErrors() {
        assertThrows(ReplyReader.MalformedReplyException.class, () -> reader("hello\r\n").read());
        assertThrows(ReplyReader.MalformedReplyException.class, () -> reader("250x\r\n").read());
        assertThrows(ReplyReader.MalformedReplyException.class, () -> reader("250-a\r\n251 b\r\n").read());
        assertThrows(ReplyReader.MalformedReplyException.class, () -> reader("999 what\r\n").read());
        assertThrows(ReplyReader.MalformedReplyException.class,
                () -> reader("250-x\r\n".repeat(ReplyReader.MAX_LINES + 1)).read());
    }

    @Test
    void longLinesAreCutNotBuffered() throws IOException {
        Reply r = reader("250 " + "x".repeat(100_000) + "\r\n").read();
        assertEquals(ReplyReader.MAX_LINE, r.lines().get(0).length());
    }

    @Test
    void authMechanismsAndTheOldAuthEqualsForm() throws IOException {
        Extensions ext = Extensions.parse(reader("250-x\r\n250-AUTH=LOGIN\r\n250-AUTH PLAIN cram-md5\r\n250 SIZE\r\n").read());
        assertEquals(Set.of("LOGIN", "PLAIN", "CRAM-MD5"), ext.auth());
        assertEquals(0, ext.size(), "SIZE without a number: no limit");
        assertEquals(-1, Extensions.NONE.size());
    }

    @Test
    void mechanismChoiceFollowsFilterAndSecurityOptions() {
        Set<String> offered = Set.of("PLAIN", "LOGIN", "CRAM-MD5");
        assertEquals("PLAIN", SaslClient.choose(offered, Set.of(), Set.of("noanonymous")));
        assertEquals("LOGIN", SaslClient.choose(offered, Set.of("LOGIN"), Set.of("noanonymous")));
        assertNull(SaslClient.choose(offered, Set.of(), Set.of("noplaintext", "noanonymous")));
        assertNull(SaslClient.choose(Set.of("CRAM-MD5"), Set.of(), Set.of()));
    }

    @Test
    void literalsAndRelayNames() throws Exception {
        assertEquals(InetAddress.getByName("192.0.2.1"), Literals.parse("192.0.2.1"));
        assertEquals(InetAddress.getByName("::1"), Literals.parse("[IPv6:::1]"));
        assertNull(Literals.parse("mx.example.org"));
        assertNull(Literals.parse("cafe"));
        assertNull(Literals.parse("256.1.1.1"));
        assertEquals("mx.example[2001:db8::1]:25", new Target("mx.example", InetAddress.getByName("2001:db8:0:0:0:0:0:1"), 25).relay());
        assertEquals("::1", Target.compress("0:0:0:0:0:0:0:1"));
        assertEquals("2001:db8:0:1::", Target.compress("2001:db8:0:1:0:0:0:0"));
        assertEquals("1:0:2:0:3:0:4:0", Target.compress("1:0:2:0:3:0:4:0"));
        assertEquals("h[192.0.2.1]:2525", new Target("h", InetAddress.getByName("192.0.2.1"), 2525).relay());
    }

    @Test
    void tlsLevels() {
        assertEquals(SmtpSettings.TlsLevel.NONE, SmtpSettings.TlsLevel.parse(""));
        assertEquals(SmtpSettings.TlsLevel.MAY, SmtpSettings.TlsLevel.parse("may"));
        assertEquals(SmtpSettings.TlsLevel.ENCRYPT, SmtpSettings.TlsLevel.parse("Encrypt"));
        assertEquals(SmtpSettings.TlsLevel.VERIFY, SmtpSettings.TlsLevel.parse("secure"));
        assertTrue(SmtpSettings.TlsLevel.VERIFY.mandatory());
    }

    @Test
    void smtputf8IsNeededForNonAsciiAddressesOnly() {
        assertFalse(Utf8Need.utf8Addresses(io.tegami.api.mail.MailAddress.parse("a@b.example"),
                TestMessage.addresses("c@d.example")));
        assertTrue(Utf8Need.utf8Addresses(io.tegami.api.mail.MailAddress.parse("a@b.example"),
                List.of(io.tegami.api.mail.MailAddress.parse("jösé@d.example"))));
    }

    private static ReplyReader reader(String text) {
        return new ReplyReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
