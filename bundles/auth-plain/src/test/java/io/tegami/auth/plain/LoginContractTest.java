package io.tegami.auth.plain;

import java.nio.charset.StandardCharsets;

import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.contract.SaslMechanismContract;

/** LOGIN as Outlook speaks it: no initial response, user name and password on prompts. */
class LoginContractTest extends SaslMechanismContract {

    @Override
    protected SaslMechanism mechanism() {
        return new LoginMechanism();
    }

    @Override
    protected Client client(String user, String password) {
        return new Client() {
            @Override
            public byte[] initialResponse() {
                return null;
            }

            @Override
            public byte[] respond(byte[] challenge) {
                String prompt = new String(challenge, StandardCharsets.US_ASCII);
                return switch (prompt) {
                    case "Username:" -> user.getBytes(StandardCharsets.UTF_8);
                    case "Password:" -> password.getBytes(StandardCharsets.UTF_8);
                    default -> throw new AssertionError("unexpected LOGIN prompt " + prompt);
                };
            }
        };
    }
}
