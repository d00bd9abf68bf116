package io.tegami.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recipients of one message that failed permanently and still need a DSN, in
 * {@code bounce/<ID>} (Postfix's bounce logfile).
 *
 * <p>A failed recipient is appended here, synced, and only then marked done in the queue file. A
 * crash in between leaves the recipient pending: it is tried again and appended again, which is why
 * reading keeps one entry per recipient. A torn last line (crash during the append) is ignored,
 * because its recipient was not marked done either.
 */
final class BounceLog {

    private static final Logger LOG = LoggerFactory.getLogger(BounceLog.class);

    /**
     * One failed recipient.
     *
     * @param recipient the recipient
     * @param dsn the enhanced status code ({@code 5.1.1})
     * @param relay where it failed
     * @param detail the diagnostic text
     * @param time when it failed
     * @param remoteMta the DSN {@code Remote-MTA} ({@code dns; mx.example.org}), or null
     * @param diagnosticCode the DSN {@code Diagnostic-Code} ({@code smtp; 550 5.1.1 ...}), or null
     */
    record Entry(MailAddress recipient, String dsn, String relay, String detail, Instant time, String remoteMta,
            String diagnosticCode) {

        /** An entry without a remote server's DSN fields. */
        Entry(MailAddress recipient, String dsn, String relay, String detail, Instant time) {
            this(recipient, dsn, relay, detail, time, null, null);
        }

        /** The entry for a delivery result, with the remote server's DSN fields when it has them. */
        static Entry of(MailAddress recipient, DeliveryResult result, Instant time) {
            return new Entry(recipient, result.dsn(), result.relay(), result.detail(), time, result.remoteMta(),
                    result.diagnosticCode());
        }
    }

    private BounceLog() {
    }

    /** Appends an entry and syncs it (and, for a new log, its directory entry) before returning. */
    static void append(Path file, Entry e) throws IOException {
        String line = String.join(" ", Escaping.escape(e.recipient().localPart()), Escaping.escape(e.recipient().domain()),
                Escaping.escape(e.dsn()), Escaping.escape(e.relay()), Escaping.escape(e.detail()),
                Long.toString(e.time().toEpochMilli()), optional(e.remoteMta()), optional(e.diagnosticCode())) + "\n";
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
        if (created) {
            Spool.syncDirectory(file.getParent());
        }
    }

    /** The entries, one per recipient (the last one wins); empty if there is no log. */
    static List<Entry> read(Path file) throws IOException {
        Map<MailAddress, Entry> entries = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.US_ASCII))) {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = r.read()) != -1) {
                if (c != '\n') {
                    sb.append((char) c);
                    continue;
                }
                Entry e = parse(sb.toString(), file);
                if (e != null) {
                    entries.put(e.recipient(), e);
                }
                sb.setLength(0);
            }
            // Whatever is left in sb has no LF: a torn append, deliberately dropped.
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return new ArrayList<>(entries.values());
    }

    /** A value that may be absent: {@code -} for null, and a real {@code -} escaped. */
    private static String optional(String value) {
        return value == null ? "-" : value.equals("-") ? "%2D" : Escaping.escape(value);
    }

    private static String readOptional(String field) {
        return field.equals("-") ? null : Escaping.unescape(field);
    }

    private static Entry parse(String line, Path file) {
        String[] f = line.split(" ", -1);
        try {
            // Six fields were written before the remote server's DSN fields were kept.
            if (f.length != 6 && f.length != 8) {
                throw new IllegalArgumentException(f.length + " fields");
            }
            return new Entry(MailAddress.of(Escaping.unescape(f[0]), Escaping.unescape(f[1])), Escaping.unescape(f[2]),
                    Escaping.unescape(f[3]), Escaping.unescape(f[4]), Instant.ofEpochMilli(Long.parseLong(f[5])),
                    f.length == 8 ? readOptional(f[6]) : null, f.length == 8 ? readOptional(f[7]) : null);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: skipping damaged bounce log line: {}", file.getFileName(), e.getMessage());
            return null;
        }
    }
}
