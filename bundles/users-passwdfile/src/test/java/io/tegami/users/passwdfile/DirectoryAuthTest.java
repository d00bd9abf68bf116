package io.tegami.users.passwdfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;

/** Logins, restrictions, credentials and new-password schemes of the passwd-file directory. */
class DirectoryAuthTest {

    /** A passwd-file as Dovecot admins write them: one scheme per user, all made by doveadm pw. */
    static final String MIXED = """
            # made with doveadm pw (Dovecot 2.3.19), password "secret" for everyone
            plain:{PLAIN}secret:1001:1001::/srv/mail/plain::
            clear:{CLEAR}secret
            crammd5:{CRAM-MD5}cd3ba7deaad6e5ca23448ba42e379747a9e0f7f1fbc00c8a81bbaac395731b56
            md5crypt:{MD5-CRYPT}$1$4kyALBDM$AIQjnqDe.lvCd1oAsr2QL0
            sha256crypt:{SHA256-CRYPT}$5$nyRUR0uwgu1rk2ka$AcKVziEH7j0QEssM/EPiOE72TXAJQlP4H8KxhJlUZdD
            sha512crypt:{SHA512-CRYPT}$6$vcNWZXoxiaGZyWZK$mNeFXSlgCWv/2tlNpHqKck0p83A.R1G6RvUmQju7cLdhuTmTUqhS/L.am5J5sJqlkMF/jOppW2oRDhMfDHj6B0
            blfcrypt:{BLF-CRYPT}$2y$05$Sk1MbUO6s//YbN/ZsI1EYeqQ4JzKg9dpSGV/N2t6YVgKPh7oWK702
            argon2i:{ARGON2I}$argon2i$v=19$m=32768,t=4,p=1$3Kl8gjQafTd6O3EcNVGtgw$Hr08sPGZlht1rCxV+08ytjzkp41AFxxGYoUsi1WuV1A
            argon2id:{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$nHdrPEajCZW0wJUpy1K1Pg$Y/HuZlk7Ee+CSNfWWyOGtpk8v04Elz7N89DOA9cosgY
            ssha:{SSHA}oxbiieZGdJDWovPcWWmxD9KnK9vu3oyj
            ssha256:{SSHA256}1TVWSBrlb247SAT+c80AqyAvp20KqiVyuZ0FLThznYmIhaPt
            ssha512:{SSHA512}wfJZqlbaWJwOcw8GHG09OeHGQlOJ945idHfjmxlGLzwQoRvkfnOIhW8e1skcncGJ0Cobo2oPV0Xti2EVmxHa5iUqgUA=
            pbkdf2:{PBKDF2}$1$9sYT2nr5ts.4TvwJ$5000$33958de6f0e70fb4c679c52fe66ffe63ea4998ce
            scram:{SCRAM-SHA-256}4096,3IyJnugYXymj80nkDgqbCg==,S62qdmFJ/oL8hxTy8oJzV7E4CfZPhRPuW7UDrNkAtHg=,fTvf/vMk1jVTMdo9I0gQxdp/GyO0+C27tIhiNRWvV4Y=
            crypt:{CRYPT}$2y$05$K.rLKe149Ax4qyaQHs245O9HtQesasuLfg/bFv3J6TFGd/wCIdhk.
            bare:$6$vcNWZXoxiaGZyWZK$mNeFXSlgCWv/2tlNpHqKck0p83A.R1G6RvUmQju7cLdhuTmTUqhS/L.am5J5sJqlkMF/jOppW2oRDhMfDHj6B0
            """;

    @TempDir
    Path home;
    MapMailParameters params;
    PasswdFileDirectory dir;
    Path passwd;

    @BeforeEach
    void setUp() {
        params = PasswdFileParameters.at(home);
        dir = new PasswdFileDirectory(params);
        passwd = home.resolve("data/passwd");
    }

    private void writePasswd(String text) throws Exception {
        Files.createDirectories(passwd.getParent());
        Files.writeString(passwd, text, StandardCharsets.UTF_8);
    }

    private boolean login(String user, String password, String client) throws Exception {
        return dir.authenticate(user, password.toCharArray(), client == null ? null : InetAddress.getByName(client))
                .isPresent();
    }

    @Test
    void aDovecotFileWithMixedSchemesAuthenticatesEveryUser() throws Exception {
        writePasswd(MIXED);
        for (String line : MIXED.lines().filter(l -> !l.startsWith("#")).toList()) {
            String user = line.substring(0, line.indexOf(':'));
            assertTrue(login(user, "secret", null), user);
            assertFalse(login(user, "secreT", "192.0.2.1"), user);
        }
        assertEquals(1001, dir.lookup("plain").orElseThrow().uid());
    }

    @Test
    void nologinRefusesTheRightPassword() throws Exception {
        writePasswd("alice:{PLAIN}secret::::::nologin reason=moved\nbob:{PLAIN}secret::::::nologin=y\n");
        assertFalse(login("alice", "secret", null));
        assertFalse(login("bob", "secret", "127.0.0.1"));
        assertTrue(dir.lookup("alice").isPresent(), "still a user for delivery");
        assertTrue(dir.credentials("alice", "PLAIN").isEmpty());
    }

    @Test
    void allowNetsChecksTheRemoteAddressAndLocalMeansUnknown() throws Exception {
        writePasswd("""
                alice:{PLAIN}secret::::::allow_nets=192.0.2.0/24,2001:db8::/32
                bob:{PLAIN}secret::::::allow_nets=local,127.0.0.1
                carol:{PLAIN}secret::::::allow_nets=bogus,10.1.2.3
                """);
        assertTrue(login("alice", "secret", "192.0.2.77"));
        assertTrue(login("alice", "secret", "2001:db8:1::5"));
        assertTrue(login("alice", "secret", "::ffff:192.0.2.9"), "v4-mapped is v4");
        assertFalse(login("alice", "secret", "192.0.3.1"));
        assertFalse(login("alice", "secret", "2001:db9::1"));
        assertFalse(login("alice", "secret", null), "unknown address without 'local'");
        assertTrue(login("bob", "secret", null));
        assertTrue(login("bob", "secret", "127.0.0.1"));
        assertFalse(login("bob", "secret", "127.0.0.2"));
        assertTrue(login("carol", "secret", "10.1.2.3"), "invalid entries are skipped");
        assertFalse(login("carol", "wrong", "10.1.2.3"));
        // credential lookups have no address: only 'local' lets them through
        assertTrue(dir.credentials("alice", "CRAM-MD5").isEmpty());
        assertTrue(dir.credentials("bob", "CRAM-MD5").isPresent());
    }

    @Test
    void credentialsComeFromTheSameSchemeOrFromPlaintext() throws Exception {
        writePasswd(MIXED + "hmac:{HMAC-MD5}cd3ba7deaad6e5ca23448ba42e379747a9e0f7f1fbc00c8a81bbaac395731b56\n"
                + "b64:{CRAM-MD5.B64}zTun3qrW5cojRIukLjeXR6ng9/H7wAyKgbuqw5VzG1Y=\n");
        Optional<String> expected = Optional.of("cd3ba7deaad6e5ca23448ba42e379747a9e0f7f1fbc00c8a81bbaac395731b56");
        for (String user : new String[] {"crammd5", "plain", "clear", "hmac", "b64"}) {
            assertEquals(expected, dir.credentials(user, "CRAM-MD5"), user);
        }
        assertEquals(Optional.of("secret"), dir.credentials("plain", "PLAIN"));
        assertEquals(Optional.of("secret"), dir.credentials("clear", "PLAIN"));
        assertTrue(dir.credentials("crammd5", "PLAIN").isEmpty(), "a one-way hash gives no plaintext");
        assertTrue(dir.credentials("sha512crypt", "CRAM-MD5").isEmpty());
        assertTrue(dir.credentials("nobody", "CRAM-MD5").isEmpty());
        assertTrue(dir.credentials("plain", "NO-SUCH").isEmpty());
        assertTrue(dir.credentials("scram", "SCRAM-SHA-256").orElseThrow().startsWith("4096,3IyJnugYXymj80nkDgqbCg==,"));
        assertTrue(dir.credentials("plain", "SCRAM-SHA-1").orElseThrow().startsWith("4096,"));
    }

    @Test
    void userdbFieldsOverrideTheLineFields() throws Exception {
        writePasswd("alice:{PLAIN}x:1000:1000::/home/alice::userdb_home=/srv/alice userdb_uid=2000 userdb_gid=3000\n");
        User alice = dir.lookup("alice").orElseThrow();
        assertEquals(Path.of("/srv/alice"), alice.home());
        assertEquals(2000, alice.uid());
        assertEquals(3000, alice.gid());
        assertEquals("/srv/alice", alice.fields().get("userdb_home"), "fields stay as written");
    }

    @Test
    void newPasswordsUseDefaultPassScheme() throws Exception {
        dir.add("alice", "pw".toCharArray());
        assertTrue(Files.readString(passwd).startsWith("alice:{SHA512-CRYPT}$6$"), "the default");

        params.set("default_pass_scheme", "argon2id");
        dir.add("bob", "pw".toCharArray());
        assertTrue(Files.readString(passwd).contains("\nbob:{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$"));
        assertTrue(login("bob", "pw", null));

        params.set("default_pass_scheme", "BLF-CRYPT");
        assertTrue(dir.setPassword("alice", "new".toCharArray()));
        assertTrue(Files.readString(passwd).startsWith("alice:{BLF-CRYPT}$2y$05$"));
        assertTrue(login("alice", "new", null));

        params.set("default_pass_scheme", "NO-SUCH");
        dir.add("carol", "pw".toCharArray());
        assertTrue(Files.readString(passwd).contains("\ncarol:{SHA512-CRYPT}$6$"), "unknown: the fallback");

        params.set("default_pass_scheme", "PLAIN");
        assertThrows(DirectoryException.class, () -> dir.add("dave", "a:b".toCharArray()));
        dir.add("dave", "pl\u00e4in".toCharArray());
        assertTrue(Files.readString(passwd, StandardCharsets.UTF_8).contains("\ndave:{PLAIN}pl\u00e4in:"));
        assertTrue(login("dave", "pl\u00e4in", null));
    }

    @Test
    void valuesWithoutAPrefixAreReadInTheDefaultScheme() throws Exception {
        writePasswd("old:secret\ncrypted:$1$4kyALBDM$AIQjnqDe.lvCd1oAsr2QL0\nempty:\n");
        assertFalse(login("old", "secret", null), "CRYPT by default: 'secret' is not a crypt string");
        assertTrue(login("crypted", "secret", null));
        assertFalse(login("empty", "", null));
        params.set("default_pass_scheme", "PLAIN");
        assertTrue(login("old", "secret", null), "scheme=PLAIN passwd-files store plaintext without a prefix");
        assertEquals(Optional.of("secret"), dir.credentials("old", "PLAIN"));
    }

    @Test
    void theSchemesServiceGeneratesAndVerifiesLikeDoveadm() {
        DovecotPasswordSchemes schemes = new DovecotPasswordSchemes(params);
        assertEquals("SHA512-CRYPT", schemes.defaultScheme());
        params.set("default_pass_scheme", "argon2id");
        assertEquals("ARGON2ID", schemes.defaultScheme());
        String hash = schemes.generate("ssha256", "secret".toCharArray(), null, 0);
        assertTrue(hash.startsWith("{SSHA256}"), hash);
        assertTrue(schemes.verify(hash, "secret".toCharArray(), null));
        assertFalse(schemes.verify(hash, "wrong".toCharArray(), null));
        assertTrue(schemes.verify("$1$4kyALBDM$AIQjnqDe.lvCd1oAsr2QL0", "secret".toCharArray(), null));
        assertEquals("Missing {scheme} prefix from hash", assertThrows(IllegalArgumentException.class,
                () -> schemes.verify("secret", "secret".toCharArray(), null)).getMessage());
        assertEquals("Unknown scheme", assertThrows(IllegalArgumentException.class,
                () -> schemes.verify("{X}y", "secret".toCharArray(), null)).getMessage());
        assertEquals("Unknown scheme: NOPE", assertThrows(IllegalArgumentException.class,
                () -> schemes.generate("nope", "secret".toCharArray(), null, 0)).getMessage());
        assertTrue(schemes.schemes().containsAll(java.util.List.of("ARGON2ID", "BLF-CRYPT", "CRAM-MD5", "PBKDF2")));
        assertEquals("{DIGEST-MD5}b1726872c344b6dc8365b774f8fd6412",
                schemes.generate("DIGEST-MD5", "secret".toCharArray(), "alice@example.com", 0));
    }
}
