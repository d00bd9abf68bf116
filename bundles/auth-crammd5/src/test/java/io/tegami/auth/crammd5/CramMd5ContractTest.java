package io.tegami.auth.crammd5;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.contract.ContractDirectory;
import io.tegami.api.sasl.contract.SaslMechanismContract;

/** CRAM-MD5 against users stored as {CRAM-MD5}, with the JDK's HmacMD5 as the client. */
class CramMd5ContractTest extends SaslMechanismContract {

    @Override
    protected SaslMechanism mechanism() {
        return new CramMd5Mechanism();
    }

    @Override
    protected void configure(ContractDirectory directory) {
        directory.scheme("CRAM-MD5", p -> HmacMd5Context.fromKey(p.getBytes(StandardCharsets.UTF_8)).toHex());
    }

    @Override
    protected Client client(String user, String password) {
        return cramClient(user, password);
    }

    static Client cramClient(String user, String password) {
        return new Client() {
            @Override
            public byte[] initialResponse() {
                return null;
            }

            @Override
            public byte[] respond(byte[] challenge) {
                try {
                    Mac mac = Mac.getInstance("HmacMD5");
                    mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
                    String digest = HexFormat.of().formatHex(mac.doFinal(challenge));
                    return (user + " " + digest).getBytes(StandardCharsets.UTF_8);
                } catch (java.security.GeneralSecurityException e) {
                    throw new AssertionError(e);
                }
            }
        };
    }
}
