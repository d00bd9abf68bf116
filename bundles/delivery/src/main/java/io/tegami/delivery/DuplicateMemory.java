package io.tegami.delivery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A user's memory of what was seen for a while, the role of Dovecot's {@code ~/.dovecot.lda-dupes}
 * in a Tegami-owned file ({@code ~/.tegami.lda-dupes}): vacation's replied senders and the
 * {@code duplicate} test's ids. One line per key, {@code EXPIRY-EPOCH-SECONDS SHA256(key)}; expired
 * lines are dropped whenever the file is written. The file is locked while it is read or written,
 * so deliveries to one user from several threads or processes do not lose entries.
 */
final class DuplicateMemory {

    static final String FILE = ".tegami.lda-dupes";

    private final Path file;

    DuplicateMemory(Path home) {
        this.file = home.resolve(FILE);
    }

    /** Whether {@code key} is remembered and not expired at {@code now}. */
    boolean seen(String key, Instant now) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        String hash = hash(key);
        synchronized (DuplicateMemory.class) {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] p = line.split(" ");
                if (p.length == 2 && p[1].equals(hash) && expiry(p[0]) > now.getEpochSecond()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Remembers {@code key} for {@code seconds} from {@code now}; with {@code restart} false an
     * unexpired entry keeps its first expiry (the duplicate test without {@code :last}).
     */
    void mark(String key, long seconds, boolean restart, Instant now) throws IOException {
        String hash = hash(key);
        long t = now.getEpochSecond();
        synchronized (DuplicateMemory.class) {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                List<String> kept = new ArrayList<>();
                long existing = 0;
                for (String line : new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).split("\n")) {
                    String[] p = line.split(" ");
                    if (p.length != 2 || expiry(p[0]) <= t) {
                        continue;
                    }
                    if (p[1].equals(hash)) {
                        existing = expiry(p[0]);
                        continue;
                    }
                    kept.add(line);
                }
                long until = !restart && existing > t ? existing : t + seconds;
                kept.add(until + " " + hash);
                byte[] bytes = (String.join("\n", kept) + "\n").getBytes(StandardCharsets.US_ASCII);
                ch.truncate(0);
                ch.write(java.nio.ByteBuffer.wrap(bytes), 0);
                ch.force(true);
            }
        }
    }

    private static long expiry(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
