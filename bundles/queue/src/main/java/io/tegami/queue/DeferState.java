package io.tegami.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Scheduling facts for a deferred message, kept in {@code defer/<ID>} (Postfix keeps a defer
 * logfile there too).
 *
 * <p>This is a hint, not a delivery record: losing it (a crash, a damaged file) only means the
 * message is retried at once and its back-off starts over. Which recipients are done is never
 * stored here but in the queue file itself. Replaced atomically (temporary file, rename), so a
 * reader sees the old or the new state.
 *
 * @param attempts delivery passes that ended with recipients deferred
 * @param nextRetry when to try again
 * @param reason the last temporary failure ({@code 4.3.0 mail transport unavailable}), for mailq
 */
record DeferState(int attempts, Instant nextRetry, String reason) {

    /** The state of a message that has not been deferred yet. */
    static final DeferState NONE = new DeferState(0, Instant.EPOCH, null);

    static Optional<DeferState> read(Path file) {
        try {
            int attempts = 0;
            Instant next = Instant.EPOCH;
            String reason = null;
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                int sp = line.indexOf(' ');
                if (sp < 0) {
                    continue;
                }
                String value = line.substring(sp + 1);
                switch (line.substring(0, sp)) {
                    case "attempts" -> attempts = Integer.parseInt(value);
                    case "next" -> next = Instant.ofEpochMilli(Long.parseLong(value));
                    case "reason" -> reason = Escaping.unescape(value);
                    default -> { } // a later version's field: ignore
                }
            }
            return Optional.of(new DeferState(attempts, next, reason));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // damaged hint: treat as never deferred
        }
    }

    void write(Path file) throws IOException {
        String text = "attempts " + attempts + "\nnext " + nextRetry.toEpochMilli() + "\n"
                + (reason == null ? "" : "reason " + Escaping.escape(reason) + "\n");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
            ch.force(false);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
