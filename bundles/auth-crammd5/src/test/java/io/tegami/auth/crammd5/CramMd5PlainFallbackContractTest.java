package io.tegami.auth.crammd5;

import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.contract.SaslMechanismContract;

/** CRAM-MD5 against a directory that gives only {PLAIN} credentials. */
class CramMd5PlainFallbackContractTest extends SaslMechanismContract {

    @Override
    protected SaslMechanism mechanism() {
        return new CramMd5Mechanism();
    }

    @Override
    protected Client client(String user, String password) {
        return CramMd5ContractTest.cramClient(user, password);
    }
}
