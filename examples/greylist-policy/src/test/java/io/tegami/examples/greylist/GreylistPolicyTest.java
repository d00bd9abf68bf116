package io.tegami.examples.greylist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Map;

import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GreylistPolicyTest {

    private final MutableClock clock = new MutableClock();
    private final GreylistPolicy policy = new GreylistPolicy(clock);

    @BeforeEach
    void activate() {
        policy.activate(Map.of("delay", "60", "auto_whitelist_clients", "0"));
    }

    private static PolicyRequest rcpt(String client, String sender, String recipient) throws Exception {
        return new PolicyRequest("RCPT", "ESMTP", InetAddress.getByName(client), "mail.example.org", "mail.example.org",
                "mail.example.org", sender, recipient, 0, null, null, false, 0, "smtp");
    }

    private PolicyAction check(PolicyRequest request) {
        return policy.check(GreylistPolicy.NAME, null, request).toCompletableFuture().join();
    }

    @Test
    void aNewTripletIsDeferredIfPermittedWithPostgreysText() throws Exception {
        assertEquals(new PolicyAction("DEFER_IF_PERMIT Greylisted, see http://postgrey.schweikert.ch/help/example.com.html"),
                check(rcpt("192.0.2.1", "a@example.org", "b@example.com")));
    }

    @Test
    void theRetryAfterTheDelayIsLeftToTheRestOfTheList() throws Exception {
        check(rcpt("192.0.2.1", "a@example.org", "b@example.com"));
        clock.advanceSeconds(59);
        assertEquals("DEFER_IF_PERMIT", check(rcpt("192.0.2.1", "a@example.org", "b@example.com")).text().split(" ")[0]);
        clock.advanceSeconds(1);
        assertEquals(PolicyAction.DUNNO, check(rcpt("192.0.2.1", "a@example.org", "b@example.com")));
        assertEquals(PolicyAction.DUNNO, check(rcpt("192.0.2.1", "a@example.org", "b@example.com")));
    }

    @Test
    void withoutARecipientThereIsNoTripletAndNoOpinion() throws Exception {
        PolicyRequest connect = new PolicyRequest("CONNECT", "SMTP", InetAddress.getByName("192.0.2.1"), "unknown",
                "unknown", null, null, null, 0, null, null, false, 0, "smtp");
        assertEquals(PolicyAction.DUNNO, check(connect));
    }

    @Test
    void theNullSenderIsGreylistedToo() throws Exception {
        assertEquals("DEFER_IF_PERMIT", check(rcpt("192.0.2.1", "", "b@example.com")).text().split(" ")[0]);
    }

    @Test
    void theTextMayCarryTheSecondsLeft() throws Exception {
        policy.modified(Map.of("delay", "60", "greylist_text", "4.7.1 Greylisted, try again in %s seconds"));
        check(rcpt("192.0.2.1", "a@example.org", "b@example.com"));
        clock.advanceSeconds(45);
        assertEquals(new PolicyAction("DEFER_IF_PERMIT 4.7.1 Greylisted, try again in 15 seconds"),
                check(rcpt("192.0.2.1", "a@example.org", "b@example.com")));
    }

    @Test
    void reconfigurationKeepsTheGreylistAndBadValuesKeepThePreviousSettings() throws Exception {
        check(rcpt("192.0.2.1", "a@example.org", "b@example.com"));
        policy.modified(Map.of("delay", "10"));
        policy.modified(Map.of("delay", "later"));
        clock.advanceSeconds(10);
        assertEquals(PolicyAction.DUNNO, check(rcpt("192.0.2.1", "a@example.org", "b@example.com")));
    }
}
