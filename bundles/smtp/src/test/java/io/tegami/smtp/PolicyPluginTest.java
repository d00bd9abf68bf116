package io.tegami.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;
import io.tegami.api.smtp.SmtpPolicy;

/** A plugin policy bound to the handler as DS would bind it, used by a whole session. */
class PolicyPluginTest {

    private final SmtpHarness smtp = new SmtpHarness();
    private final List<PolicyRequest> requests = new ArrayList<>();

    private final SmtpPolicy rbl = (name, argument, request) -> {
        requests.add(request);
        CompletionStage<PolicyAction> answer = CompletableFuture.supplyAsync(() -> PolicyAction.reply(
                "554 5.7.1 Service unavailable; Client host [" + request.clientAddress().getHostAddress()
                        + "] blocked using " + argument));
        return answer;
    };

    @Test
    void aBoundPolicyRefusesAndAnUnboundOneDefers() {
        smtp.connection.remote(new InetSocketAddress("192.0.2.7", 50000));
        smtp.params.set("smtpd_client_restrictions", "reject_rbl_client zen.example");
        smtp.start();
        smtp.handler.addPolicy(rbl, Map.of(SmtpPolicy.RESTRICTION, "reject_rbl_client", SmtpPolicy.ARGUMENTS, 1,
                "service.id", 7L));
        smtp.send("EHLO client.example");
        assertEquals("250 2.1.0 Ok\r\n", smtp.send("MAIL FROM:<a@b.example>"));
        assertEquals("554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.example\r\n",
                smtp.send("RCPT TO:<alice@host>"));
        PolicyRequest request = requests.get(0);
        assertEquals("RCPT", request.stage());
        assertEquals("client.example", request.heloName());
        assertEquals("a@b.example", request.sender());
        assertEquals("alice@host", request.recipient());
        assertEquals("smtp", request.listener());

        smtp.handler.removePolicy(rbl);
        assertEquals("451 4.3.5 <localhost[192.0.2.7]>: Client host rejected: Server configuration problem\r\n",
                smtp.send("RCPT TO:<alice@host>"));
    }
}
