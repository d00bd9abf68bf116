package io.tegami.auth.plain;

import java.nio.charset.StandardCharsets;

import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.contract.SaslMechanismContract;

/** PLAIN with the message as initial response, as every modern client sends it. */
class PlainContractTest extends SaslMechanismContract {

    @Override
    protected SaslMechanism mechanism() {
        return new PlainMechanism();
    }

    @Override
    protected Client client(String user, String password) {
        return new Client() {
            @Override
            public byte[] initialResponse() {
                return ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] respond(byte[] challenge) {
                throw new AssertionError("PLAIN with an initial response needs no challenge");
            }
        };
    }
}
