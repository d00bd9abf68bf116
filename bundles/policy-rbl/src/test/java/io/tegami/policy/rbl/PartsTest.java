package io.tegami.policy.rbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The pieces: reply filters, reversed names, list specs, reply templates. */
class PartsTest {

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void filtersMatchOctetsRangesAndLists() throws Exception {
        AddressPattern p = AddressPattern.parse("127.0.0.[2;4..6]");
        assertTrue(p.matches(ip("127.0.0.2")));
        assertFalse(p.matches(ip("127.0.0.3")));
        assertTrue(p.matches(ip("127.0.0.5")));
        assertFalse(p.matches(ip("127.0.1.5")));
        assertTrue(AddressPattern.parse("127.0.0.2").matches(ip("127.0.0.2")));
        assertTrue(AddressPattern.parse("[0..255].0.0.[2..11]").matches(ip("9.0.0.11")));
        assertFalse(p.matches(ip("::1")));
    }

    @Test
    void badFiltersAreRefused() {
        for (String bad : List.of("127.0.0", "127.0.0.256", "127.0.0.[5..2]", "127.0.0.[2", "127.0.0.x", "1.2.3.4.5")) {
            assertThrows(IllegalArgumentException.class, () -> AddressPattern.parse(bad), bad);
        }
    }

    @Test
    void addressesAreReversed() throws Exception {
        assertEquals("2.0.0.127", ReverseNames.reversed(ip("127.0.0.2")));
        assertEquals("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2",
                ReverseNames.reversed(ip("2001:db8::1")));
    }

    @Test
    void rightHandSideNamesAreThoseOfHosts() {
        assertEquals("example.com", ReverseNames.domainOf("user@Example.COM"));
        assertEquals("mail.example.com", ReverseNames.domainOf("mail.example.com."));
        assertNull(ReverseNames.domainOf("user@[192.0.2.1]"));
        assertNull(ReverseNames.domainOf("192.0.2.1"));
        assertNull(ReverseNames.domainOf("bad..name"));
        assertNull(ReverseNames.domainOf("under score!"));
        assertNull(ReverseNames.domainOf(""));
    }

    @Test
    void sitesHaveFiltersAndWeights() {
        Site s = Site.parse("zen.example=127.0.0.[2..11]*3", true);
        assertEquals("zen.example", s.domain());
        assertEquals(3, s.weight());
        assertEquals("127.0.0.[2..11]", s.filter().toString());
        Site allow = Site.parse("list.dnswl.example=127.0.[0..255].[1..3]*-2", true);
        assertEquals(-2, allow.weight());
        assertEquals(1, Site.parse("bl.example", true).weight());
        assertEquals(List.of("a.example", "b.example"),
                Site.parseList("a.example*2, b.example=127.0.0.2").stream().map(Site::domain).toList());
        assertThrows(IllegalArgumentException.class, () -> Site.parse("bl.example*x", true));
    }

    @Test
    void theDefaultReplyTemplate() {
        Map<String, String> values = Map.of("rbl_code", "554", "rbl_class", "Client host", "rbl_what", "192.0.2.1",
                "rbl_domain", "zen.example", "rbl_reason", "listed: see https://zen.example/?ip=192.0.2.1");
        assertEquals("554 Service unavailable; Client host [192.0.2.1] blocked using zen.example; "
                + "listed: see https://zen.example/?ip=192.0.2.1", ReplyTemplate.expand(Replies.DEFAULT_RBL_REPLY, values));
        Map<String, String> noReason = new java.util.HashMap<>(values);
        noReason.put("rbl_reason", "");
        assertEquals("554 Service unavailable; Client host [192.0.2.1] blocked using zen.example",
                ReplyTemplate.expand(Replies.DEFAULT_RBL_REPLY, noReason));
        assertEquals("none$", ReplyTemplate.expand("${rbl_reason:none}$$", noReason));
        assertThrows(IllegalArgumentException.class, () -> ReplyTemplate.expand("$nosuch", values));
        assertEquals("a_b", ReplyTemplate.filter("a\u0001b"));
    }

    @Test
    void repliesGetACodeAndADsn() {
        assertEquals("554 5.7.1 Service unavailable; x", Replies.normalize("554 Service unavailable; x"));
        assertEquals("450 4.7.0 go", Replies.normalize("450 4.7.0 go"));
        assertEquals("550 5.7.1 Service unavailable", Replies.normalize("550 "));
        assertEquals("450 4.7.1 Service unavailable", Replies.normalize("blocked"));
    }

    @Test
    void txtReasonsAreJoinedAndCut() {
        assertEquals("a / b", DnsLists.reason(List.of("a", "b")));
        assertEquals(DnsLists.TXT_LIMIT, DnsLists.reason(List.of("x".repeat(600))).length());
    }
}
