package io.tegami.users.passwdfile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hashes made by Dovecot 2.3.19's {@code doveadm pw} (Debian 12's dovecot-core), one line per
 * {@code doveadm pw -s SCHEME [-r ROUNDS] [-u USER] -p PASSWORD}: {@code password|user|hash}.
 * Every one must verify with its password and fail with a wrong one. {@code a*80} stands for 80
 * letters a (bcrypt uses the first 72 bytes; CRAM-MD5 hashes keys longer than 64 first).
 */
class DoveadmVectorsTest {

    private static final String VECTORS = """
            secret||{CRAM-MD5}cd3ba7deaad6e5ca23448ba42e379747a9e0f7f1fbc00c8a81bbaac395731b56
            pässwörd €||{CRAM-MD5}0eef080241545aa714da052a236746e526ff8330945eed54e2745481da464284
            secret||{HMAC-MD5}cd3ba7deaad6e5ca23448ba42e379747a9e0f7f1fbc00c8a81bbaac395731b56
            pässwörd €||{HMAC-MD5}0eef080241545aa714da052a236746e526ff8330945eed54e2745481da464284
            secret||{SHA512-CRYPT}$6$vcNWZXoxiaGZyWZK$mNeFXSlgCWv/2tlNpHqKck0p83A.R1G6RvUmQju7cLdhuTmTUqhS/L.am5J5sJqlkMF/jOppW2oRDhMfDHj6B0
            pässwörd €||{SHA512-CRYPT}$6$optl57oC2ydvQ7a8$yg0bgopx//1MeCdQPXRzbNJ1f2RtGAvdTY1NkWvtllfBl0IEMh40OuqhbT3kFoM.jfnkellBu4x6/QXYJuaUF1
            secret||{SHA256-CRYPT}$5$nyRUR0uwgu1rk2ka$AcKVziEH7j0QEssM/EPiOE72TXAJQlP4H8KxhJlUZdD
            pässwörd €||{SHA256-CRYPT}$5$4PGZeeGh/NWcCwIY$2TdmgFgzFKfRYAsnSpCBQJBP3e3TGfnKkpodVr/2s2C
            secret||{MD5-CRYPT}$1$4kyALBDM$AIQjnqDe.lvCd1oAsr2QL0
            pässwörd €||{MD5-CRYPT}$1$T9u8kI6X$mNeG/HpD0s4Ed9e1brjPO0
            secret||{DES-CRYPT}US7rZJtYssnI2
            pässwörd €||{DES-CRYPT}Ln5jWPCk0lyQM
            secret||{BLF-CRYPT}$2y$05$Sk1MbUO6s//YbN/ZsI1EYeqQ4JzKg9dpSGV/N2t6YVgKPh7oWK702
            pässwörd €||{BLF-CRYPT}$2y$05$Oqw4WamGZa/Dr749UVYxLuo2jq.DhV9pQfZ/sNDX2Xwho.eXZwHcm
            secret||{CRYPT}$2y$05$K.rLKe149Ax4qyaQHs245O9HtQesasuLfg/bFv3J6TFGd/wCIdhk.
            pässwörd €||{CRYPT}$2y$05$daJ5mRDSY4RBZoeQ.wpahubsvRzGGh9Yv0vWLYEtdwRN9UighASbS
            secret||{ARGON2I}$argon2i$v=19$m=32768,t=4,p=1$3Kl8gjQafTd6O3EcNVGtgw$Hr08sPGZlht1rCxV+08ytjzkp41AFxxGYoUsi1WuV1A
            pässwörd €||{ARGON2I}$argon2i$v=19$m=32768,t=4,p=1$tiGB2q/O2yosv/eZK4xcDA$98Q+xJ/KiGMQ73378ErKyHkpSNsjaShzTCxHR1ty8Ys
            secret||{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$nHdrPEajCZW0wJUpy1K1Pg$Y/HuZlk7Ee+CSNfWWyOGtpk8v04Elz7N89DOA9cosgY
            pässwörd €||{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$GqKzclfyWf9YagNK2fBMoQ$bCPk0IL4vxRmixD3Nx4iWDK+PdnJc6VZ/tpMSK+5RW0
            secret||{SSHA}oxbiieZGdJDWovPcWWmxD9KnK9vu3oyj
            pässwörd €||{SSHA}zzHqU1xUsew69IIakTasNHI9VOL60nCG
            secret||{SSHA256}1TVWSBrlb247SAT+c80AqyAvp20KqiVyuZ0FLThznYmIhaPt
            pässwörd €||{SSHA256}fdI+W4gXS8SMkuBGZNUSNCmr/mhNqoJgwMsrrVhiFpTg7gc5
            secret||{SSHA512}wfJZqlbaWJwOcw8GHG09OeHGQlOJ945idHfjmxlGLzwQoRvkfnOIhW8e1skcncGJ0Cobo2oPV0Xti2EVmxHa5iUqgUA=
            pässwörd €||{SSHA512}QC3kNQrSzz1vwgRVBrBvyV0SVl6GfSQ81Vd05lJK09G/kiJ1DEwF9fhOCPUuKA9HXIL5Yvud2633nW8snKST7ccMmwg=
            secret||{SMD5}o84rWDizc/J1tMlJCZGTPv7J7Zk=
            pässwörd €||{SMD5}OX8NrdkL5hlHvOZbbjl1WXGshS8=
            secret||{PBKDF2}$1$9sYT2nr5ts.4TvwJ$5000$33958de6f0e70fb4c679c52fe66ffe63ea4998ce
            pässwörd €||{PBKDF2}$1$JYJCcNCcmYcQmCh/$5000$6bd0abf68cdcb28127bfbe191c17dfe2e0875f18
            secret||{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=
            pässwörd €||{SHA}WLrsXwWKD/4HtaIdI5GNgo9kV0k=
            secret||{SHA256}K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=
            pässwörd €||{SHA256}6OaMpS98G+mszSip5GS3bP5KdnG8PCoQJgk4XyUToeI=
            secret||{SHA512}vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBhnWgs5WtNZKnvCXdhztmeD2cmW192CF5bDufKRpayrW/isg==
            pässwörd €||{SHA512}MmTbal+yxGQJKiR4bu0xm1wpX3R2868BWWXQ6t+GXzlAF+yDNLajjHa2X8kp1PxMLpwtXUyAXmbH5QiSKBm8Kw==
            secret||{PLAIN-MD5}5ebe2294ecd0e0f08eab7690d2a6ee69
            pässwörd €||{PLAIN-MD5}ef3fb7c474b0972dcb2757c6e8f8270b
            secret||{PLAIN-MD4}67d3dafef63ff00603aeef3769cfbf0d
            pässwörd €||{PLAIN-MD4}87b064d156eb61e7037fc1f4ec5f95fd
            secret||{LDAP-MD5}Xr4ilOzQ4PCOq3aQ0qbuaQ==
            pässwörd €||{LDAP-MD5}7z+3xHSwly3LJ1fG6PgnCw==
            secret||{MD5}$1$8HtMTB21$P7bSRTkHvenD6Sp5PcW.4.
            pässwörd €||{MD5}$1$x1lwgmhy$vB6br5dK01R2yMptoe96t/
            secret||{SCRAM-SHA-1}4096,ymnKK7T0ioGS/hSnSnIWig==,0x3YgxMvvbqWZ5Cjh+OfZ7jVO8Y=,fqZuLvVPhZU5+TfRcO5V0DimIyg=
            pässwörd €||{SCRAM-SHA-1}4096,tNZWa2miF5eSRY7/p4gpBQ==,WPQo1fUNxzEVx9K/3gIUD8R8z7Y=,ZAuTN08YKy9veKLmkzeBH1ufltQ=
            secret||{SCRAM-SHA-256}4096,3IyJnugYXymj80nkDgqbCg==,S62qdmFJ/oL8hxTy8oJzV7E4CfZPhRPuW7UDrNkAtHg=,fTvf/vMk1jVTMdo9I0gQxdp/GyO0+C27tIhiNRWvV4Y=
            pässwörd €||{SCRAM-SHA-256}4096,RwCOUOxKPoOGOhrPQR1w/g==,s7YIHXshZ2nB5/In0TdNOuwhzsOaQWyR5uALteCa3ik=,IsbRCec4DYXnbtLVA8kGpZhQBET5Ks3VQPIgp0S7cXo=
            secret|alice@example.com|{DIGEST-MD5}b1726872c344b6dc8365b774f8fd6412
            secret|alice|{DIGEST-MD5}cc3a3506aba601d2feee7bf9b34237ce
            a*80||{BLF-CRYPT}$2y$05$rXPlZhgrUETz0Ca20o5c/OwOJQvuh9AihwMlQ/QCd.w.qpgvslpsG
            a*80bbb||{BLF-CRYPT}$2y$05$RLJEef1WCAeoDaZSEeinJedpMAIpCPRdoIZd/7ehgME/j6xXS6qh.
            a*80||{CRAM-MD5}2d54538a0e49f1e3fa8472108264f1909a6b03e6adf287e1fc8eaf3a9d20339e
            a*160||{CRAM-MD5}c4bf4d8dc40d7c314b554ddf6e60424f71676847bf97a51751addea6be74fcd9
            secret||{SHA512-CRYPT}$6$rounds=10000$JTwLeshgiSuZDHC9$gEi4gCXBu8hWQIXizJ2dqlhaD6YCcsPzYAzrq5DKA2S9ltFn6HTV3C79pFw2RHeSXMma8Zvr3xmeL1lsjZwOl1
            secret||{BLF-CRYPT}$2y$06$Z/R.dEPvcBT5C9O1bnr0GuCoSAnWktXMynmc0Ut0BOeJK3CDMnb0y
            secret||{PBKDF2}$1$aR.LO.bWLIShXzft$1000$08983ea8103cc88de4ab35635b79a1bb6039e7ec
            secret||{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$tsqeGK6YBifxZKdswBfhHg$UlB6SgjPh9qOpzHIw6D+fDYwf69q4b7wdNeSoHuMk18
            """;

    private static final Pattern REPEAT = Pattern.compile("(.)\\*(\\d+)(.*)");

    static Stream<Arguments> vectors() {
        return VECTORS.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] f = l.split("\\|", 3);
            return Arguments.of(f[2], password(f[0]), f[1].isEmpty() ? null : f[1]);
        });
    }

    private static String password(String spec) {
        Matcher m = REPEAT.matcher(spec);
        return m.matches() ? m.group(1).repeat(Integer.parseInt(m.group(2))) + m.group(3) : spec;
    }

    static boolean verify(String stored, String password, String user) throws SchemeException {
        StoredPassword sp = StoredPassword.parse(stored, "CRYPT");
        return SchemeTable.verify(sp.scheme(), sp.data(), password.getBytes(StandardCharsets.UTF_8),
                new Scheme.Params(user, 0));
    }

    /** DES crypt reads 8 bytes of the password and bcrypt 72: more makes no difference. */
    private static boolean truncates(String hash, String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        return (hash.startsWith("{DES-CRYPT}") && bytes >= 8) || (hash.contains("$2y$") && bytes >= 72);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void dovecotHashesVerify(String hash, String password, String user) throws Exception {
        assertTrue(verify(hash, password, user), hash + " should accept " + password);
        if (!truncates(hash, password)) {
            assertFalse(verify(hash, password + "x", user), "a longer password");
        }
        if (!truncates(hash, password.substring(1))) {
            assertFalse(verify(hash, password.substring(1), user), "a shorter password");
        }
        assertFalse(verify(hash, "Secret", user), "another password");
    }
}
