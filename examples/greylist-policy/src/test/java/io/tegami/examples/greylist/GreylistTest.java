package io.tegami.examples.greylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class GreylistTest {

    private final MutableClock clock = new MutableClock();

    private Greylist greylist(int autoWhitelistClients, int maxEntries) {
        GreylistSettings d = GreylistSettings.DEFAULTS;
        return new Greylist(new GreylistSettings(d.delay(), d.maxAge(), d.retryWindow(), autoWhitelistClients,
                maxEntries, d.text()), clock);
    }

    private Greylist greylist = greylist(0, 1000);

    private static InetAddress ip(String address) throws Exception {
        return InetAddress.getByName(address);
    }

    @Test
    void aNewTripletWaitsTheWholeDelay() throws Exception {
        assertEquals(new Greylist.Defer(300, false), greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com"));
    }

    @Test
    void anEarlyRetryIsToldHowLongIsLeft() throws Exception {
        greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com");
        clock.advanceSeconds(100);
        assertEquals(new Greylist.Defer(200, true), greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com"));
    }

    @Test
    void aRetryAfterTheDelayPassesAndLaterMailPassesAtOnce() throws Exception {
        greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com");
        clock.advanceSeconds(299);
        assertInstanceOf(Greylist.Defer.class, greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com"));
        clock.advanceSeconds(1);
        assertEquals(new Greylist.Pass(300), greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com"));
        clock.advance(Duration.ofDays(20));
        assertEquals(new Greylist.Pass(-1), greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com"));
    }

    @Test
    void theTripletHoldsTheClientsSlash24NotItsAddress() throws Exception {
        greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com");
        clock.advanceSeconds(300);
        // A sender's outbound pool retries from another host of the same network.
        assertEquals(new Greylist.Pass(300), greylist.check(ip("192.0.2.200"), "a@example.org", "b@example.com"));
        assertEquals(new Greylist.Defer(300, false), greylist.check(ip("198.51.100.1"), "a@example.org", "b@example.com"));
    }

    @Test
    void ipv6ClientsAreKeyedBySlash64() throws Exception {
        assertEquals("2001:db8:1:2:0:0:0:0", Triplet.network(ip("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        greylist.check(ip("2001:db8:1:2::1"), "a@example.org", "b@example.com");
        clock.advanceSeconds(300);
        assertEquals(new Greylist.Pass(300), greylist.check(ip("2001:db8:1:2::99"), "a@example.org", "b@example.com"));
    }

    @Test
    void sendersAndRecipientsAreComparedWithoutCase() throws Exception {
        greylist.check(ip("192.0.2.1"), "A@Example.ORG", "B@example.com");
        clock.advanceSeconds(300);
        assertEquals(new Greylist.Pass(300), greylist.check(ip("192.0.2.1"), "a@example.org", "b@EXAMPLE.com"));
    }

    @Test
    void verpNumbersExtensionsAndBatvTagsDoNotMakeNewTriplets() {
        assertEquals("bounce-#-#@lists.example", Triplet.sender("bounce-12345-678@lists.example"));
        assertEquals("owner@lists.example", Triplet.sender("owner+alice=example.com@lists.example"));
        assertEquals("user@example.org", Triplet.sender("prvs=0123456789=user@example.org"));
        assertEquals("user@example.org", Triplet.sender("prvs=user=0123456789@example.org"));
        assertEquals("", Triplet.sender(""));
    }

    @Test
    void aFirstRetryAfterTheRetryWindowWaitsAgain() throws Exception {
        greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com");
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        assertEquals(new Greylist.Defer(300, false), greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com"));
        clock.advanceSeconds(300);
        assertEquals(new Greylist.Pass(300), greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com"));
    }

    @Test
    void aTripletNotSeenForMaxAgeIsForgotten() throws Exception {
        greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com");
        clock.advanceSeconds(300);
        greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com");
        clock.advance(Duration.ofDays(35).plusSeconds(1));
        assertEquals(new Greylist.Defer(300, false), greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com"));
    }

    @Test
    void theTableIsBoundedAndDropsTheLeastRecentlyUsedTriplet() throws Exception {
        greylist = greylist(0, 2);
        greylist.check(ip("192.0.2.1"), "old@example.org", "b@example.com");
        greylist.check(ip("192.0.2.1"), "kept@example.org", "b@example.com");
        clock.advanceSeconds(300);
        // "kept" is used again, so "old" is now the eldest and goes when a third arrives.
        assertEquals(new Greylist.Pass(300), greylist.check(ip("192.0.2.1"), "kept@example.org", "b@example.com"));
        greylist.check(ip("192.0.2.1"), "new@example.org", "b@example.com");
        assertEquals(2, greylist.size());
        assertEquals(new Greylist.Defer(300, false), greylist.check(ip("192.0.2.1"), "old@example.org", "b@example.com"));
        assertEquals(2, greylist.size());
    }

    @Test
    void aClientWhoseTripletsPassedOftenEnoughIsWhitelisted() throws Exception {
        greylist = greylist(2, 1000);
        InetAddress client = ip("192.0.2.7");
        for (String sender : new String[] {"one@example.org", "two@example.org"}) {
            greylist.check(client, sender, "b@example.com");
            clock.advanceSeconds(3600);
            assertInstanceOf(Greylist.Pass.class, greylist.check(client, sender, "b@example.com"));
        }
        assertEquals(new Greylist.Whitelisted(), greylist.check(client, "three@example.org", "b@example.com"));
        // The whitelist is per address, as postgrey's: the neighbour still waits.
        assertInstanceOf(Greylist.Defer.class, greylist.check(ip("192.0.2.8"), "three@example.org", "b@example.com"));
    }

    @Test
    void passesWithinOneHourCountOnceForTheAutoWhitelist() throws Exception {
        greylist = greylist(2, 1000);
        InetAddress client = ip("192.0.2.7");
        greylist.check(client, "one@example.org", "b@example.com");
        greylist.check(client, "two@example.org", "b@example.com");
        clock.advanceSeconds(300);
        greylist.check(client, "one@example.org", "b@example.com");
        greylist.check(client, "two@example.org", "b@example.com");
        assertInstanceOf(Greylist.Defer.class, greylist.check(client, "three@example.org", "b@example.com"));
    }

    @Test
    void aLongerDelayConfiguredLaterAppliesToWaitingTriplets() throws Exception {
        greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com");
        GreylistSettings d = GreylistSettings.DEFAULTS;
        greylist.update(new GreylistSettings(Duration.ofSeconds(600), d.maxAge(), d.retryWindow(), 0, 10, d.text()));
        clock.advanceSeconds(300);
        assertEquals(new Greylist.Defer(300, true), greylist.check(ip("192.0.2.1"), "a@example.org", "b@example.com"));
    }
}
