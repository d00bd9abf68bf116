package io.tegami.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolPolicyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ">=TLSv1.2|TLSv1.3 TLSv1.2",
        ">=TLSv1|TLSv1.3 TLSv1.2 TLSv1.1 TLSv1",
        "!SSLv2, !SSLv3|TLSv1.3 TLSv1.2 TLSv1.1 TLSv1",
        "!SSLv2 !SSLv3 !TLSv1 !TLSv1.1|TLSv1.3 TLSv1.2",
        "TLSv1.2|TLSv1.2",
        "TLSv1.3:TLSv1.2|TLSv1.3 TLSv1.2",
        ">=TLSv1.1 <=TLSv1.2|TLSv1.2 TLSv1.1",
        ">=TLSv1.2 !TLSv1.3|TLSv1.2",
        "<=TLSv1.3|TLSv1.3 TLSv1.2 TLSv1.1 TLSv1 SSLv3",
        "tlsv1.3|TLSv1.3",
    })
    void postfixProtocolLists(String value, String expected) {
        assertEquals(List.of(expected.split(" ")), ProtocolPolicy.postfix(value));
    }

    @Test
    void postfixListsThatExcludeEverythingOrNameUnknownProtocols() {
        assertEquals(List.of(), ProtocolPolicy.postfix(">=TLSv1.3 <=TLSv1.2"));
        assertThrows(IllegalArgumentException.class, () -> ProtocolPolicy.postfix(">=TLSv1.4"));
        assertThrows(IllegalArgumentException.class, () -> ProtocolPolicy.postfix("!SSLv2 bogus"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TLSv1.2|TLSv1.3 TLSv1.2",
        "TLSv1.3|TLSv1.3",
        "LATEST|TLSv1.3",
        "TLSv1|TLSv1.3 TLSv1.2 TLSv1.1 TLSv1",
        "ANY|TLSv1.3 TLSv1.2 TLSv1.1 TLSv1 SSLv3",
        "SSLv3|TLSv1.3 TLSv1.2 TLSv1.1 TLSv1 SSLv3",
    })
    void dovecotMinimumProtocol(String value, String expected) {
        assertEquals(List.of(expected.split(" ")), ProtocolPolicy.dovecotMinimum(value));
    }

    @Test
    void unknownDovecotMinimum() {
        assertThrows(IllegalArgumentException.class, () -> ProtocolPolicy.dovecotMinimum("TLSv2"));
    }

    @Test
    void cipherPolicyHasOnlyForwardSecretAeadSuites() {
        for (String suite : CipherPolicy.PREFERRED) {
            if (suite.endsWith("_SCSV")) {
                continue;
            }
            boolean tls13 = !suite.contains("_WITH_");
            boolean forwardSecret = tls13 || suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_");
            boolean aead = suite.contains("_GCM_") || suite.contains("CHACHA20_POLY1305");
            assertEquals(true, forwardSecret && aead, suite);
        }
        String[] supported = {"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_AES_128_GCM_SHA256", "SSL_RSA_WITH_RC4_128_MD5"};
        assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                List.of(CipherPolicy.enabled(supported)));
    }
}
