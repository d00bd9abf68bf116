package io.tegami.users.passwdfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * ARGON2I and ARGON2ID in libsodium's string format, which Dovecot stores:
 * {@code $argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>} (unpadded base64). Generation uses
 * Dovecot's cost choices: the rounds ({@code doveadm pw -r}) pick libsodium's interactive,
 * moderate or sensitive memory limit; verification reads the parameters from the string and
 * accepts either variant under either name, as {@code crypto_pwhash_str_verify()} does. A string
 * that does not parse is a mismatch, not an error, as in Dovecot.
 *
 * <p>Each hash needs {@code m} KiB of memory (64 MiB by default): a semaphore bounds how many
 * run at once, so a burst of logins cannot exhaust the heap.
 *
 * @param name ARGON2I or ARGON2ID
 */
record Argon2Scheme(String name) implements Scheme {

    private static final int SALT_LENGTH = 16;
    private static final int HASH_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Semaphore RUNNING =
            new Semaphore(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

    /** The parameters of one hash. */
    private record Cost(int type, int version, int memoryKb, int iterations, int parallelism) {
    }

    @Override
    public Encoding encoding() {
        return Encoding.NONE;
    }

    @Override
    public byte[] generate(byte[] password, Params params) {
        Cost cost = name.equals("ARGON2I") ? argon2iCost(params.rounds()) : argon2idCost(params.rounds());
        if (!affordable(cost.memoryKb())) {
            throw new IllegalArgumentException(name + " with " + cost.iterations() + " rounds needs "
                    + cost.memoryKb() / 1024 + " MiB of memory per hash, more than this server can afford");
        }
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        byte[] hash = hash(password, salt, cost, HASH_LENGTH);
        String id = cost.type() == Argon2Parameters.ARGON2_i ? "argon2i" : "argon2id";
        String text = "$" + id + "$v=19$m=" + cost.memoryKb() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean verify(byte[] password, Params params, byte[] raw) throws SchemeException {
        try {
            return check(password, raw);
        } catch (SchemeException e) {
            // libsodium's verify says -1 for a mismatch and for a malformed string alike, and
            // Dovecot reports both as "Password mismatch"; only a cost too high to pay is an error.
            if (e.getMessage().startsWith("Argon2 memory cost")) {
                throw e;
            }
            return false;
        }
    }

    private static boolean check(byte[] password, byte[] raw) throws SchemeException {
        String[] parts = new String(raw, StandardCharsets.ISO_8859_1).split("\\$", -1);
        // "", id, [v=N,] m=..,t=..,p=.., salt, hash
        if (parts.length < 5 || parts.length > 6 || !parts[0].isEmpty()) {
            throw new SchemeException("Invalid Argon2 password string");
        }
        int type = switch (parts[1]) {
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            default -> throw new SchemeException("Invalid Argon2 password string");
        };
        int version = Argon2Parameters.ARGON2_VERSION_10;
        int i = 2;
        if (parts.length == 6) {
            if (!parts[2].startsWith("v=")) {
                throw new SchemeException("Invalid Argon2 password string");
            }
            version = number(parts[2].substring(2));
            i = 3;
        }
        int m = -1;
        int t = -1;
        int p = -1;
        for (String kv : parts[i].split(",")) {
            if (kv.startsWith("m=")) {
                m = number(kv.substring(2));
            } else if (kv.startsWith("t=")) {
                t = number(kv.substring(2));
            } else if (kv.startsWith("p=")) {
                p = number(kv.substring(2));
            } else {
                throw new SchemeException("Invalid Argon2 password string");
            }
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(parts[i + 1]);
            expected = Base64.getDecoder().decode(parts[i + 2]);
        } catch (IllegalArgumentException e) {
            throw new SchemeException("Invalid Argon2 password string");
        }
        if ((version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13)
                || m < 8 || t < 1 || p < 1 || p > 255 || salt.length < 8 || expected.length < 16) {
            throw new SchemeException("Invalid Argon2 password string");
        }
        if (!affordable(m)) {
            throw new SchemeException("Argon2 memory cost m=" + m + " KiB is more than this server can afford");
        }
        byte[] actual = hash(password, salt, new Cost(type, version, m, t, p), expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /** Whether one hash of {@code memoryKb} fits in half the heap. */
    private static boolean affordable(int memoryKb) {
        return (long) memoryKb * 1024 <= Runtime.getRuntime().maxMemory() / 2;
    }

    private static int number(String text) throws SchemeException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SchemeException("Invalid Argon2 password string");
        }
    }

    private static byte[] hash(byte[] password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(cost.type())
                .withVersion(cost.version())
                .withMemoryAsKB(cost.memoryKb())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        RUNNING.acquireUninterruptibly();
        try {
            generator.generateBytes(password, out);
        } finally {
            RUNNING.release();
        }
        return out;
    }

    /** libsodium's argon2i limits as Dovecot maps rounds to them: 4/32 MiB, 6/128 MiB, 8/512 MiB. */
    private static Cost argon2iCost(int rounds) {
        int t = rounds == 0 ? 4 : rounds;
        int m = t >= 8 ? 512 * 1024 : t >= 6 ? 128 * 1024 : 32 * 1024;
        return new Cost(Argon2Parameters.ARGON2_i, Argon2Parameters.ARGON2_VERSION_13, m, t, 1);
    }

    /** libsodium's argon2id limits: 2/64 MiB, 3/256 MiB, 4/1 GiB; at least 3 passes, as Dovecot forces. */
    private static Cost argon2idCost(int rounds) {
        int t = rounds == 0 ? 2 : rounds;
        int m = t >= 4 ? 1024 * 1024 : t >= 3 ? 256 * 1024 : 64 * 1024;
        return new Cost(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, m, Math.max(3, t), 1);
    }
}
