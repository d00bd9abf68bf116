package io.tegami.users.passwdfile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Known vectors. The crypt strings were produced outside Java ({@code openssl passwd -6/-5/-1},
 * Python's crypt for DES) and the digest ones with Python's hashlib, so they check this code
 * against independent implementations, not against commons-codec itself.
 */
class PasswordSchemesTest {

    // commons-codec zeroes key arrays it is given: calls to it below pass clones.
    private static final byte[] SECRET = "secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRONG = "Secret".getBytes(StandardCharsets.UTF_8);

    private static void accepts(String stored, byte[] password) {
        assertTrue(PasswordSchemes.verify(stored, password), stored + " should accept");
    }

    private static void matchesSecretOnly(String stored) {
        accepts(stored, SECRET);
        assertFalse(PasswordSchemes.verify(stored, WRONG), stored + " should reject a wrong password");
        assertFalse(PasswordSchemes.verify(stored, new byte[0]), stored + " should reject an empty password");
    }

    @Test
    void sha512CryptFromOpenssl() {
        // as `doveadm pw -s SHA512-CRYPT -p secret` would print it, salt fixed
        matchesSecretOnly("{SHA512-CRYPT}$6$Zq2k0uJ8xWd3mN7p$FXcEz8SaxfAPnAgbAjk309egfMnZ4xHUOhj3HVzq8UZEV/KF1q/"
                + "cAXU3xI6EkTqeAD7TtAprPrw/nv9YXDV9G1");
        // Drepper's reference vector
        accepts("{SHA512-CRYPT}$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4O"
                + "TLiBFdcbYEdFCoEOfaS35inz1", "Hello world!".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sha256CryptAndMd5CryptFromOpenssl() {
        accepts("{SHA256-CRYPT}$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5",
                "Hello world!".getBytes(StandardCharsets.UTF_8));
        matchesSecretOnly("{MD5-CRYPT}$1$saltstri$WHZcnT3IOdSrMvizOq7Ht1");
        matchesSecretOnly("{MD5}$1$saltstri$WHZcnT3IOdSrMvizOq7Ht1");
    }

    @Test
    void cryptDetectsTheAlgorithmByPrefix() {
        matchesSecretOnly("{CRYPT}$1$saltstri$WHZcnT3IOdSrMvizOq7Ht1");
        matchesSecretOnly("{CRYPT}abNANd1rDfiNc"); // traditional DES
        matchesSecretOnly("{crypt}" + Sha2Crypt.sha512Crypt(SECRET.clone(), "$6$rounds=6000$abcdefgh"));
        matchesSecretOnly("{CRYPT}" + Sha2Crypt.sha256Crypt(SECRET.clone()));
    }

    @Test
    void noSchemeMeansCrypt() {
        matchesSecretOnly("$6$Zq2k0uJ8xWd3mN7p$FXcEz8SaxfAPnAgbAjk309egfMnZ4xHUOhj3HVzq8UZEV/KF1q/"
                + "cAXU3xI6EkTqeAD7TtAprPrw/nv9YXDV9G1");
        matchesSecretOnly(Md5Crypt.md5Crypt(SECRET.clone()));
        matchesSecretOnly("abNANd1rDfiNc");
        assertFalse(PasswordSchemes.verify("secret", SECRET), "a bare plaintext is not a crypt string");
    }

    @Test
    void plainSchemes() {
        matchesSecretOnly("{PLAIN}secret");
        matchesSecretOnly("{CLEARTEXT}secret");
        matchesSecretOnly("{plain}secret");
        accepts("{PLAIN}p\u00e4ss:w", "p\u00e4ss:w".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unsaltedDigestsInBase64AndHex() {
        matchesSecretOnly("{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=");
        matchesSecretOnly("{SHA1}5en6G6MezRroT3XKqkdPOmY/BfQ=");
        matchesSecretOnly("{SHA.HEX}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4");
        matchesSecretOnly("{SHA}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4"); // hex guessed by length
        matchesSecretOnly("{SHA256}K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=");
        matchesSecretOnly("{SHA256.HEX}2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b");
        matchesSecretOnly("{SHA512}vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBhnWgs5WtNZKnvCXdhztmeD2cmW192CF5bDufKRpayrW/isg==");
        matchesSecretOnly("{PLAIN-MD5}5ebe2294ecd0e0f08eab7690d2a6ee69");
        matchesSecretOnly("{MD5}5ebe2294ecd0e0f08eab7690d2a6ee69");
        matchesSecretOnly("{LDAP-MD5}Xr4ilOzQ4PCOq3aQ0qbuaQ==");
    }

    @Test
    void saltedDigestsHaveTheSaltAfterTheDigest() {
        matchesSecretOnly("{SSHA}uJDd0BIdJ9Z7yDCZNWdgYeb33+cBAgME");
        matchesSecretOnly("{SSHA.HEX}b890ddd0121d27d67bc8309935676061e6f7dfe701020304");
        matchesSecretOnly("{SSHA256}pBFKVQdg8aaZi2INYzmnxxLtStvyMgIOC7TahNLLqCIBAgME");
        matchesSecretOnly("{SSHA512}MKbQg3rPvz03V+1S0+/jlDdn0B0IiGGxl7kZMimdo1IHHWN6DtzxJMCchsX5U1lrRY7apW/"
                + "oopOgERexYda1nAECAwQ=");
        matchesSecretOnly("{SMD5}LF/f6q9WuGXFii+gm3ssYQECAwQ=");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "{NOSUCH}secret", "{PLAIN", "{SHA.ROT13}abc", "{SSHA}!!!notbase64", "{SSHA}c2hvcnQ=",
        "{SHA}c2hvcnQ=", "{BLF-CRYPT}$2y$05$abcdefghijklmnopqrstuu5Rsm1j9KZb3A0tBQm2XyW8v5dAzHuxq",
        "{CRYPT}$2y$05$abcdefghijklmnopqrstuu5Rsm1j9KZb3A0tBQm2XyW8v5dAzHuxq", "{SHA512-CRYPT}$6$",
        "{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$c29tZXNhbHQ$abc"
    })
    void unknownOrBrokenValuesNeverMatch(String stored) {
        assertFalse(PasswordSchemes.verify(stored, SECRET));
    }

    @Test
    void generatedHashesVerifyAndLookLikeDoveadms() {
        String hash = CryptHashes.sha512Crypt(SECRET);
        assertTrue(hash.matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}"), hash);
        matchesSecretOnly("{SHA512-CRYPT}" + hash);
        assertFalse(hash.equals(CryptHashes.sha512Crypt(SECRET)), "salts must differ");
        // a fixed salt reproduces openssl's output exactly
        assertTrue(("$6$Zq2k0uJ8xWd3mN7p$FXcEz8SaxfAPnAgbAjk309egfMnZ4xHUOhj3HVzq8UZEV/KF1q/cAXU3xI6EkTqeAD7TtAprPrw/"
                + "nv9YXDV9G1").equals(CryptHashes.sha512Crypt(SECRET, "Zq2k0uJ8xWd3mN7p")));
    }
}
