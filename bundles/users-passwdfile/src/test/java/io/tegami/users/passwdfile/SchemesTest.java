package io.tegami.users.passwdfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generation, encodings, errors and the vectors of other implementations (openssl passwd, Python's
 * hashlib, Drepper's SHA-crypt paper); {@link DoveadmVectorsTest} has Dovecot's own.
 */
class SchemesTest {

    private static final byte[] SECRET = "secret".getBytes(StandardCharsets.UTF_8);

    private static boolean verify(String stored, String password) throws SchemeException {
        return DoveadmVectorsTest.verify(stored, password, null);
    }

    private static void matchesSecretOnly(String stored) throws SchemeException {
        assertTrue(verify(stored, "secret"), stored + " should accept");
        assertFalse(verify(stored, "Secret"), stored + " should reject a wrong password");
        assertFalse(verify(stored, ""), stored + " should reject an empty password");
    }

    private static String generate(String scheme, int rounds) {
        return "{" + scheme + "}" + SchemeTable.generate(scheme, SECRET, new Scheme.Params("alice", rounds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA512-CRYPT", "SHA256-CRYPT", "MD5-CRYPT", "DES-CRYPT", "MD5", "CRYPT", "BLF-CRYPT",
        "ARGON2I", "ARGON2ID", "PBKDF2", "SCRAM-SHA-1", "SCRAM-SHA-256", "SSHA", "SSHA256", "SSHA512", "SMD5",
        "SHA", "SHA1", "SHA256", "SHA512", "PLAIN-MD5", "LDAP-MD5", "PLAIN-MD4", "CRAM-MD5", "HMAC-MD5",
        "DIGEST-MD5", "PLAIN", "CLEAR", "CLEARTEXT", "SHA256.HEX", "SSHA.HEX", "CRAM-MD5.B64", "sha512-crypt"})
    void everySchemeVerifiesWhatItGenerates(String scheme) throws Exception {
        String stored = generate(scheme, 0);
        StoredPassword sp = StoredPassword.parse(stored, "CRYPT");
        assertTrue(SchemeTable.verify(sp.scheme(), sp.data(), SECRET, new Scheme.Params("alice", 0)), stored);
        assertFalse(SchemeTable.verify(sp.scheme(), sp.data(), "Secret".getBytes(StandardCharsets.UTF_8),
                new Scheme.Params("alice", 0)), stored);
    }

    @Test
    void everyListedSchemeGenerates() {
        for (String name : SchemeTable.names()) {
            assertFalse(SchemeTable.generate(name, SECRET, new Scheme.Params("alice", 0)).isEmpty(), name);
        }
        assertFalse(SchemeTable.names().contains("OTP"), "only schemes Tegami implements are listed");
    }

    @Test
    void generatedFormatsAreDoveadmsWithItsDefaultCosts() {
        assertTrue(generate("SHA512-CRYPT", 0).matches("\\{SHA512-CRYPT}\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}"));
        assertTrue(generate("SHA512-CRYPT", 10000).startsWith("{SHA512-CRYPT}$6$rounds=10000$"));
        assertTrue(generate("SHA256-CRYPT", 5).startsWith("{SHA256-CRYPT}$5$rounds=1000$"), "at least 1000 rounds");
        assertTrue(generate("MD5-CRYPT", 0).matches("\\{MD5-CRYPT}\\$1\\$[./0-9A-Za-z]{8}\\$[./0-9A-Za-z]{22}"));
        assertTrue(generate("DES-CRYPT", 0).matches("\\{DES-CRYPT}[./0-9A-Za-z]{13}"));
        assertTrue(generate("BLF-CRYPT", 0).matches("\\{BLF-CRYPT}\\$2y\\$05\\$[./0-9A-Za-z]{53}"));
        assertTrue(generate("CRYPT", 0).startsWith("{CRYPT}$2y$05$"), "Dovecot 2.3's CRYPT is bcrypt");
        assertTrue(generate("BLF-CRYPT", 3).startsWith("{BLF-CRYPT}$2y$04$"), "cost at least 4");
        assertTrue(generate("ARGON2ID", 0).matches(
                "\\{ARGON2ID}\\$argon2id\\$v=19\\$m=65536,t=3,p=1\\$[+/0-9A-Za-z]{22}\\$[+/0-9A-Za-z]{43}"));
        assertTrue(generate("ARGON2I", 0).startsWith("{ARGON2I}$argon2i$v=19$m=32768,t=4,p=1$"));
        assertTrue(generate("PBKDF2", 0).matches("\\{PBKDF2}\\$1\\$[./0-9A-Za-z]{16}\\$5000\\$[0-9a-f]{40}"));
        assertTrue(generate("PBKDF2", 1000).contains("$1000$"));
        assertTrue(generate("SCRAM-SHA-256", 0).matches("\\{SCRAM-SHA-256}4096,[+/0-9A-Za-z]{22}==,[+/=0-9A-Za-z]{44},[+/=0-9A-Za-z]{44}"));
        assertEquals(4 + 20, java.util.Base64.getDecoder().decode(generate("SSHA", 0).substring(6)).length);
        assertNotEquals(generate("SSHA512", 0), generate("SSHA512", 0), "fresh salts");
    }

    @Test
    void unsaltedSchemesAreDeterministicAndMatchDoveadm() {
        // doveadm pw -s CRAM-MD5 -p secret
        assertEquals("{CRAM-MD5}cd3ba7deaad6e5ca23448ba42e379747a9e0f7f1fbc00c8a81bbaac395731b56", generate("CRAM-MD5", 0));
        assertEquals("{DIGEST-MD5}cc3a3506aba601d2feee7bf9b34237ce", generate("DIGEST-MD5", 0));
        assertEquals("{PLAIN-MD4}67d3dafef63ff00603aeef3769cfbf0d", generate("PLAIN-MD4", 0));
        assertEquals("{SHA256.HEX}2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b",
                generate("SHA256.HEX", 0));
        assertEquals("{LDAP-MD5}Xr4ilOzQ4PCOq3aQ0qbuaQ==", generate("LDAP-MD5", 0));
        assertEquals("{PLAIN}secret", generate("PLAIN", 0));
    }

    @Test
    void md5CompressionOfOnePaddedBlockIsMd5() throws Exception {
        // "abc" padded to one block: the state after it is MD5("abc") (RFC 1321 test suite).
        byte[] block = new byte[64];
        block[0] = 'a';
        block[1] = 'b';
        block[2] = 'c';
        block[3] = (byte) 0x80;
        block[56] = 24; // length in bits, little-endian
        int[] state = Md5Compression.compress(Md5Compression.INITIAL, block);
        byte[] out = new byte[16];
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 4; i++) {
                out[4 * w + i] = (byte) (state[w] >>> (8 * i));
            }
        }
        assertArrayEquals(MessageDigest.getInstance("MD5").digest("abc".getBytes(StandardCharsets.US_ASCII)), out);
        assertEquals("900150983cd24fb0d6963f7d28e17f72", HexFormat.of().formatHex(out));
    }

    @Test
    void cryptStringsFromOtherImplementations() throws Exception {
        // openssl passwd -6 -salt Zq2k0uJ8xWd3mN7p secret
        matchesSecretOnly("{SHA512-CRYPT}$6$Zq2k0uJ8xWd3mN7p$FXcEz8SaxfAPnAgbAjk309egfMnZ4xHUOhj3HVzq8UZEV/KF1q/"
                + "cAXU3xI6EkTqeAD7TtAprPrw/nv9YXDV9G1");
        // Drepper's reference vectors
        assertTrue(verify("{SHA512-CRYPT}$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4O"
                + "TLiBFdcbYEdFCoEOfaS35inz1", "Hello world!"));
        assertTrue(verify("{SHA256-CRYPT}$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5", "Hello world!"));
        // Dovecot's own self-test samples (password-scheme-crypt.c)
        assertTrue(verify("{CRYPT}JBOZ0DgmtucwE", "08/15!test~4711"));
        assertTrue(verify("{CRYPT}$6$rounds=1000$0123456789abcdef$ZIAd5WqfyLkpvsVCVUU1GrvqaZTqvhJoouxdSqJO71l9Ld3tVrf"
                + "OatEjarhghvEYADkq//LpDnTeO90tcbtHR1", "08/15!test~4711"));
        matchesSecretOnly("{MD5-CRYPT}$1$saltstri$WHZcnT3IOdSrMvizOq7Ht1");
        matchesSecretOnly("{MD5}$1$saltstri$WHZcnT3IOdSrMvizOq7Ht1");
        matchesSecretOnly("{CRYPT}abNANd1rDfiNc"); // traditional DES, Python's crypt
    }

    @Test
    void theCryptFamilyReadsAnyCryptStringButBlfAndMd5CryptOnlyTheirOwn() throws Exception {
        String sha512 = Sha2Crypt.sha512Crypt(SECRET.clone(), "$6$rounds=6000$abcdefgh");
        String bcrypt = SchemeTable.generate("BLF-CRYPT", SECRET, Scheme.Params.NONE);
        for (String scheme : new String[] {"CRYPT", "SHA512-CRYPT", "SHA256-CRYPT", "DES-CRYPT"}) {
            matchesSecretOnly("{" + scheme + "}" + sha512);
            matchesSecretOnly("{" + scheme + "}" + bcrypt);
            matchesSecretOnly("{" + scheme + "}" + Md5Crypt.md5Crypt(SECRET.clone()));
        }
        assertFalse(verify("{MD5-CRYPT}" + sha512, "secret"));
        assertThrows(SchemeException.class, () -> verify("{BLF-CRYPT}" + sha512, "secret"));
    }

    @Test
    void noPrefixMeansTheDefaultSchemeAndTheCryptFamilyMeansCrypt() {
        assertEquals(new StoredPassword("CRYPT", "$6$x$y"), StoredPassword.parse("$6$x$y", null));
        assertEquals(new StoredPassword("CRYPT", "$2y$05$x"), StoredPassword.parse("$2y$05$x", "SHA512-CRYPT"));
        assertEquals(new StoredPassword("PLAIN", "secret"), StoredPassword.parse("secret", "PLAIN"));
        assertEquals(new StoredPassword("ssha.hex", "00"), StoredPassword.parse("{ssha.hex}00", "PLAIN"));
        assertEquals(new StoredPassword("PLAIN", "{oops"), StoredPassword.parse("{oops", "PLAIN"));
        assertNull(StoredPassword.parse("", "PLAIN"), "an empty field never authenticates");
    }

    @Test
    void doveadmTestHashesNeedAPrefixExceptMd5Crypt() {
        assertEquals(new StoredPassword("MD5-CRYPT", "$1$salt$hash"), StoredPassword.parseTagged("$1$salt$hash$ignored"));
        assertEquals(new StoredPassword("SSHA", "abc"), StoredPassword.parseTagged("{SSHA}abc"));
        assertNull(StoredPassword.parseTagged("abc"));
        assertNull(StoredPassword.parseTagged("$6$abc$def"));
    }

    @Test
    void digestsInEitherEncoding() throws Exception {
        matchesSecretOnly("{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=");
        matchesSecretOnly("{SHA}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4"); // hex guessed by its length
        matchesSecretOnly("{SHA.HEX}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4");
        matchesSecretOnly("{sha256.b64}K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=");
        matchesSecretOnly("{PLAIN-MD5}5ebe2294ecd0e0f08eab7690d2a6ee69");
        matchesSecretOnly("{MD5}5ebe2294ecd0e0f08eab7690d2a6ee69"); // MD5: PLAIN-MD5 unless $1$
        matchesSecretOnly("{SSHA}uJDd0BIdJ9Z7yDCZNWdgYeb33+cBAgME");
        matchesSecretOnly("{SSHA.HEX}b890ddd0121d27d67bc8309935676061e6f7dfe701020304");
        matchesSecretOnly("{SMD5}LF/f6q9WuGXFii+gm3ssYQECAwQ=");
        matchesSecretOnly("{CRAM-MD5.B64}zTun3qrW5cojRIukLjeXR6ng9/H7wAyKgbuqw5VzG1Y=");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{NOSUCH}secret|Unknown scheme",
        "{SHA.ROT13}abc|Unknown scheme",
        "{SHA}abc|Input isn't valid base64 encoded data",
        "{SHA}YWJj|Input length isn't valid (3 instead of 20)",
        "{SSHA.HEX}zz|Input isn't valid HEX encoded data",
        "{SSHA}YWJj|SSHA password is too short",
        "{PBKDF2}$1$x|Invalid PBKDF2 passdb entry format",
        "{PBKDF2}$2$x$1$00|Invalid PBKDF2 passdb entry prefix",
        "{PBKDF2}$1$salt$1000$abc|PBKDF2 hash not 160bit hex-encoded",
        "{BLF-CRYPT}garbage|Password is not blowfish password",
        "{PLAIN-TRUNC}secret|PLAIN-TRUNC missing length: prefix",
        "{SCRAM-SHA-1}4096,abc|Invalid SCRAM-SHA-1 passdb entry format",
        "{CRYPT}$y$j9T$abc$def|crypt() failed: unsupported hash type $y$",
        "{DIGEST-MD5}cc3a3506aba601d2feee7bf9b34237ce|digest_md5_generate(): username not given",
    })
    void unreadableValuesFailWithDovecotsReasons(String stored, String reason) {
        SchemeException e = assertThrows(SchemeException.class, () -> verify(stored, "secret"));
        assertEquals(reason, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{SHA512-CRYPT}$6$", "{SHA512-CRYPT}", "{CRYPT}", "{PLAIN}", "{MD5-CRYPT}xyz",
        "{ARGON2ID}garbage", "{ARGON2I}$argon2i$v=19$m=x,t=1,p=1$c29tZXNhbHQ$YWJjZGVmZ2hpamtsbW5vcA",
        "{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$c29tZXNhbHQ$YWJjZGVmZ2hpamtsbW5vcA"})
    void wrongOrEmptyValuesNeverMatch(String stored) throws Exception {
        assertFalse(verify(stored, "secret"));
    }

    @Test
    void plainTruncAcceptsLongerPasswordsWithTheStoredPrefix() throws Exception {
        assertTrue(verify("{PLAIN-TRUNC}6-secret", "secret"));
        assertTrue(verify("{PLAIN-TRUNC}6-secret", "secretive"), "truncated at 6 bytes when stored");
        assertFalse(verify("{PLAIN-TRUNC}6-secret", "secre"));
        assertFalse(verify("{PLAIN-TRUNC}8-secret", "secretive"), "not truncated: exact match only");
    }

    @Test
    void argon2CostsFollowDovecotsRounds() {
        assertTrue(generate("ARGON2ID", 2).contains("$m=65536,t=3,p=1$"), "at least 3 passes");
        assertTrue(generate("ARGON2I", 5).contains("$m=32768,t=5,p=1$"));
        // ARGON2ID -r 3 needs 256 MiB and -r 4 1 GiB per hash: refused where the heap is small
        if (Runtime.getRuntime().maxMemory() < 2L * 1024 * 1024 * 1024) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generate("ARGON2ID", 4));
            assertTrue(e.getMessage().contains("1024 MiB"), e.getMessage());
        }
    }

    @Test
    void unknownSchemesCannotBeGenerated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generate("NOPE", 0));
        assertEquals("Unknown scheme: NOPE", e.getMessage());
        assertNull(SchemeTable.lookup("SHA.ROT13"));
        assertThrows(IllegalArgumentException.class,
                () -> SchemeTable.generate("DIGEST-MD5", SECRET, Scheme.Params.NONE), "DIGEST-MD5 needs a user");
    }
}
