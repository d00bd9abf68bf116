package io.tegami.auth.plain;

import java.nio.charset.StandardCharsets;

import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.contract.SaslMechanismContract;

/** PLAIN without an initial response: an empty challenge first. */
class PlainNoInitialResponseContractTest extends SaslMechanismContract {

    @Override
    protected SaslMechanism mechanism() {
        return new PlainMechanism();
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
                if (challenge.length != 0) {
                    throw new AssertionError("PLAIN's challenge is empty");
                }
                return (user + "\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
