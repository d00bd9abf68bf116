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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tegami.api.mail.MailAddress;

/**
 * Scheduling facts for a deferred message, kept in {@code defer/<ID>} (Postfix keeps a defer
 * logfile there too).
 *
 * <p>This is a hint, not a delivery record: losing it (a crash, a damaged file) only means the
 * message is retried at once, its back-off starts over, {@code mailq} shows no reasons and a delay
 * warning may be sent a second time. Which recipients are done is never stored here but in the
 * queue file itself. Replaced atomically (temporary file, rename), so a reader sees the old or the
 * new state.
 *
 * <pre>
 * attempts 2
 * next 1717171717123
 * reason mail%20transport%20unavailable
 * rcpt bob example.org mail%20transport%20unavailable
 * warned 1
 * </pre>
 *
 * @param attempts delivery passes that ended with recipients deferred
 * @param nextRetry when to try again
 * @param reason the last temporary failure ({@code mail transport unavailable})
 * @param reasons per recipient deferred in the last pass, why (what {@code mailq} shows), in the
 *        order they were tried
 * @param warned true once the sender got the "delayed mail" notice ({@code delay_warning_time})
 */
record DeferState(int attempts, Instant nextRetry, String reason, Map<MailAddress, String> reasons, boolean warned) {

    /** The state of a message that has not been deferred yet. */
    static final DeferState NONE = new DeferState(0, Instant.EPOCH, null);

    DeferState {
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    DeferState(int attempts, Instant nextRetry, String reason) {
        this(attempts, nextRetry, reason, Map.of(), false);
    }

    /** The same state, due at {@code when}. */
    DeferState dueAt(Instant when) {
        return new DeferState(attempts, when, reason, reasons, warned);
    }

    static Optional<DeferState> read(Path file) {
        try {
            int attempts = 0;
            Instant next = Instant.EPOCH;
            String reason = null;
            boolean warned = false;
            Map<MailAddress, String> reasons = new LinkedHashMap<>();
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
                    case "warned" -> warned = value.equals("1");
                    case "rcpt" -> {
                        String[] f = value.split(" ", -1);
                        if (f.length == 3) {
                            reasons.put(MailAddress.of(Escaping.unescape(f[0]), Escaping.unescape(f[1])),
                                    Escaping.unescape(f[2]));
                        }
                    }
                    default -> { } // a later version's field: ignore
                }
            }
            return Optional.of(new DeferState(attempts, next, reason, reasons, warned));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // damaged hint: treat as never deferred
        }
    }

    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(128);
        text.append("attempts ").append(attempts).append("\nnext ").append(nextRetry.toEpochMilli()).append('\n');
        if (reason != null) {
            text.append("reason ").append(Escaping.escape(reason)).append('\n');
        }
        for (Map.Entry<MailAddress, String> r : reasons.entrySet()) {
            text.append("rcpt ").append(Escaping.escape(r.getKey().localPart())).append(' ')
                    .append(Escaping.escape(r.getKey().domain())).append(' ')
                    .append(Escaping.escape(r.getValue())).append('\n');
        }
        if (warned) {
            text.append("warned 1\n");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII)));
            ch.force(false);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
