package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;
import io.tegami.api.smtp.SmtpPolicy;

/** Plugin policies (io.tegami.api.smtp) in the restriction lists, with a fake policy. */
class PolicyRestrictionsTest {

    private final Fixture fixture = new Fixture();

    /** Answers what it is told and records what it was asked. */
    private static final class FakePolicy implements SmtpPolicy {
        final List<String> arguments = new ArrayList<>();
        final List<PolicyRequest> requests = new ArrayList<>();
        CompletionStage<PolicyAction> answer;

        FakePolicy(String action) {
            answer = CompletableFuture.completedFuture(new PolicyAction(action));
        }

        @Override
        public CompletionStage<PolicyAction> check(String name, String argument, PolicyRequest request) {
            arguments.add(name + "/" + argument);
            requests.add(request);
            return answer;
        }
    }

    private FakePolicy register(String names, int arguments, int ranking, String action) {
        FakePolicy policy = new FakePolicy(action);
        fixture.policies.add(policy, Map.of(SmtpPolicy.RESTRICTION, names.split(","),
                SmtpPolicy.ARGUMENTS, arguments, "service.ranking", ranking));
        return policy;
    }

    @Test
    void aPolicyIsUsedByNameWithItsArgument() {
        FakePolicy policy = register("reject_rbl_client,permit_dnswl_client", 1, 0, "DUNNO");
        fixture.set("smtpd_client_restrictions", "reject_rbl_client zen.example, permit_dnswl_client list.example, reject");
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: Access denied", fixture.rcpt("alice@host"));
        assertEquals(List.of("reject_rbl_client/zen.example", "permit_dnswl_client/list.example"), policy.arguments);
        PolicyRequest request = policy.requests.get(0);
        assertEquals("RCPT", request.stage());
        assertEquals("192.0.2.7", request.clientAddress().getHostAddress());
        assertEquals("client.example.com", request.heloName());
        assertEquals("sender@example.com", request.sender());
        assertEquals("alice@host", request.recipient());
        assertEquals("ESMTP", request.protocol());
    }

    @Test
    void answersAreAccessActions() {
        register("check_fake", 0, 0, "REJECT go away");
        fixture.set("smtpd_client_restrictions", "check_fake");
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: go away", fixture.rcpt("alice@host"));
        fixture.set("smtpd_client_restrictions", "warn_if_reject check_fake");
        assertNull(fixture.rcpt("alice@host"));
    }

    @Test
    void anOkAnswerPermitsTheList() {
        register("permit_fake", 0, 0, "OK");
        fixture.set("smtpd_client_restrictions", "permit_fake, reject");
        assertNull(fixture.rcpt("alice@host"));
    }

    @Test
    void aReplyIsSentAsWritten() {
        register("reject_fake", 1, 0, "REPLY 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using x.example");
        fixture.set("smtpd_client_restrictions", "reject_fake x.example");
        assertEquals("554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using x.example",
                fixture.rcpt("alice@host"));
        fixture.set("soft_bounce", "yes");
        assertEquals("454 4.7.1 Service unavailable; Client host [192.0.2.7] blocked using x.example",
                fixture.rcpt("alice@host"));
    }

    @Test
    void theHighestRankingWins() {
        register("check_fake", 0, 1, "REJECT high");
        register("check_fake", 0, 0, "REJECT low");
        fixture.set("smtpd_client_restrictions", "check_fake");
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: high", fixture.rcpt("alice@host"));
    }

    @Test
    void aFailedPolicyDefers() {
        FakePolicy policy = register("check_fake", 0, 0, "OK");
        policy.answer = CompletableFuture.failedFuture(new IllegalStateException("boom"));
        fixture.set("smtpd_client_restrictions", "check_fake");
        assertEquals("451 4.3.5 <unknown[192.0.2.7]>: Client host rejected: Server configuration problem",
                fixture.rcpt("alice@host"));
    }

    @Test
    void aSlowPolicyTimesOutAndDefers() {
        FakePolicy policy = register("check_fake", 0, 0, "OK");
        policy.answer = new CompletableFuture<>();
        fixture.set("smtpd_client_restrictions", "check_fake").set("smtpd_policy_service_timeout", "1s");
        long start = System.nanoTime();
        assertEquals("451 4.3.5 <unknown[192.0.2.7]>: Client host rejected: Server configuration problem",
                fixture.rcpt("alice@host"));
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void aGonePolicyDefersAndAnUnknownNameIsAnError() {
        FakePolicy policy = register("reject_fake", 1, 0, "OK");
        fixture.policies.remove(policy);
        fixture.set("smtpd_client_restrictions", "warn_if_reject reject_fake zone.example, reject");
        // warn_if_reject softens the deferral; the zone is skipped, not taken for a restriction.
        assertEquals("554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: Access denied", fixture.rcpt("alice@host"));
        fixture.set("smtpd_client_restrictions", "reject_fake zone.example");
        assertEquals("451 4.3.5 <unknown[192.0.2.7]>: Client host rejected: Server configuration problem",
                fixture.rcpt("alice@host"));
        fixture.set("smtpd_client_restrictions", "reject_never_seen");
        assertEquals("451 4.3.5 Server configuration error", fixture.rcpt("alice@host"));
    }

    @Test
    void aMissingArgumentIsAConfigurationError() {
        register("reject_fake", 1, 0, "OK");
        fixture.set("smtpd_client_restrictions", "reject_fake");
        assertEquals("451 4.3.5 Server configuration error", fixture.rcpt("alice@host"));
    }

    @Test
    void unknownActionsAreAConfigurationProblem() {
        register("check_fake", 0, 0, "FROBNICATE now");
        fixture.set("smtpd_client_restrictions", "check_fake");
        assertEquals("451 4.3.5 Server configuration error", fixture.rcpt("alice@host"));
    }

    @Test
    void postfixTimeUnits() {
        assertEquals(100, PolicyChecks.parseTime("100s").toSeconds());
        assertEquals(100, PolicyChecks.parseTime("100").toSeconds());
        assertEquals(120, PolicyChecks.parseTime("2m").toSeconds());
        assertNull(PolicyChecks.parseTime("x"));
    }
}
