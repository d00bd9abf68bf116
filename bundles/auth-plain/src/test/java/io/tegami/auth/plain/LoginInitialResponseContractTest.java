package io.tegami.auth.plain;

import java.nio.charset.StandardCharsets;

import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.contract.SaslMechanismContract;

/** LOGIN with the user name as initial response (Dovecot accepts it, some clients send it). */
class LoginInitialResponseContractTest extends SaslMechanismContract {

    @Override
    protected SaslMechanism mechanism() {
        return new LoginMechanism();
    }

    @Override
    protected Client client(String user, String password) {
        return new Client() {
            @Override
            public byte[] initialResponse() {
                return user.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] respond(byte[] challenge) {
                if (!new String(challenge, StandardCharsets.US_ASCII).equals("Password:")) {
                    throw new AssertionError("expected the password prompt");
                }
                return password.getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
