package io.tegami.queue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.mail.RecipientDsn;

/**
 * The queue file format: an envelope of one-line records, then the message content unchanged.
 *
 * <pre>
 * tegami-queue-file 1            format and version
 * I 0005F3A1B2C4D                queue id
 * T 1717171717123                arrival time, epoch milliseconds
 * S alice example.org            sender: local part and domain; a bare "S" is the null sender &lt;&gt;
 * A client_address 192.0.2.1     envelope attribute (zero or more)
 * R bob example.org              recipient still to deliver
 * N SUCCESS,FAILURE rfc822;b%40x  DSN parameters of the recipient above (version 2): NOTIFY, ORCPT
 * D carol example.org            recipient done (delivered or bounced)
 * E                              end of envelope; the content follows from the next byte
 * </pre>
 *
 * <p>Version 2 added the {@code N} record (RFC 3461 {@code NOTIFY} and {@code ORCPT}, each {@code -}
 * when absent); files of version 1 are still read. Message-wide DSN facts ({@code RET},
 * {@code ENVID}) and SMTPUTF8 are envelope attributes.
 *
 * <p>Every field is {@link Escaping percent-escaped}, so records are plain ASCII and fields are
 * split at single spaces. As in Postfix's queue files, a recipient is marked done by rewriting its
 * record type byte in place ({@code R} to {@code D}) and syncing: a one-byte write cannot be torn, so
 * after a crash a recipient is either still pending or done, never half of each.
 */
final class SpoolFormat {

    static final String MAGIC = "tegami-queue-file";
    static final int VERSION = 2;
    /** The oldest version still read. */
    static final int OLDEST_VERSION = 1;
    static final byte PENDING = 'R';
    static final byte DONE = 'D';

    /** Longer envelope lines than this mean a damaged file, not a real address. */
    private static final int MAX_LINE = 64 * 1024;

    private SpoolFormat() {
    }

    /** Writes the envelope part; the caller writes the content right after it. */
    static void writeEnvelope(OutputStream out, String queueId, Instant arrival, Envelope envelope) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        sb.append(MAGIC).append(' ').append(VERSION).append('\n');
        sb.append("I ").append(queueId).append('\n');
        sb.append("T ").append(arrival.toEpochMilli()).append('\n');
        sb.append('S').append(address(envelope.sender())).append('\n');
        // Sorted so that the same envelope always gives the same bytes (tests, diffs).
        for (Map.Entry<String, String> a : new TreeMap<>(envelope.attributes()).entrySet()) {
            sb.append("A ").append(Escaping.escape(a.getKey())).append(' ').append(Escaping.escape(a.getValue())).append('\n');
        }
        // Duplicates are dropped, as Postfix's cleanup does, so nobody gets the same message twice.
        for (MailAddress rcpt : new LinkedHashSet<>(envelope.recipients())) {
            sb.append((char) PENDING).append(address(rcpt)).append('\n');
            RecipientDsn dsn = envelope.dsn(rcpt);
            if (!dsn.equals(RecipientDsn.NONE)) {
                String notify = dsn.notifyText();
                sb.append("N ").append(notify == null ? "-" : notify).append(' ')
                        .append(dsn.orcpt() == null ? "-" : Escaping.escape(dsn.orcpt())).append('\n');
            }
        }
        sb.append("E\n");
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static String address(MailAddress a) {
        return a.isNullSender() ? "" : " " + Escaping.escape(a.localPart()) + " " + Escaping.escape(a.domain());
    }

    /** Reads the envelope part of a queue file, streaming: the content is not touched. */
    static SpoolHeader read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            return read(in, file.getFileName().toString());
        }
    }

    static SpoolHeader read(InputStream in, String name) throws IOException {
        LineReader lines = new LineReader(in);
        String magic = lines.next();
        if (magic == null || !magic.startsWith(MAGIC + " ")) {
            throw new CorruptQueueFileException(name + ": not a queue file");
        }
        if (!magic.equals(MAGIC + " " + VERSION) && !magic.equals(MAGIC + " " + OLDEST_VERSION)) {
            throw new CorruptQueueFileException(name + ": unsupported queue file version: " + magic);
        }
        String queueId = null;
        Instant arrival = null;
        MailAddress sender = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        List<SpoolHeader.Recipient> recipients = new ArrayList<>();
        Map<MailAddress, RecipientDsn> dsn = new LinkedHashMap<>();
        try {
            while (true) {
                long lineStart = lines.offset();
                String line = lines.next();
                if (line == null) {
                    throw new CorruptQueueFileException(name + ": envelope not terminated");
                }
                String[] f = line.split(" ", -1);
                switch (f[0]) {
                    case "I" -> queueId = field(f, 1, 2);
                    case "T" -> arrival = Instant.ofEpochMilli(Long.parseLong(field(f, 1, 2)));
                    case "S" -> sender = f.length == 1 ? MailAddress.NULL_SENDER : parseAddress(f);
                    case "A" -> attributes.put(Escaping.unescape(field(f, 1, 3)), Escaping.unescape(field(f, 2, 3)));
                    case "R", "D" -> recipients.add(new SpoolHeader.Recipient(parseAddress(f), lineStart, f[0].equals("D")));
                    case "N" -> {
                        if (recipients.isEmpty()) {
                            throw new IllegalArgumentException("DSN record before any recipient");
                        }
                        dsn.putIfAbsent(recipients.get(recipients.size() - 1).address(), parseDsn(f));
                    }
                    case "E" -> {
                        if (queueId == null || arrival == null || sender == null || recipients.isEmpty()) {
                            throw new CorruptQueueFileException(name + ": incomplete envelope");
                        }
                        Envelope envelope = new Envelope(sender,
                                recipients.stream().map(SpoolHeader.Recipient::address).toList(), attributes, dsn);
                        return new SpoolHeader(queueId, arrival, envelope, recipients, lines.offset());
                    }
                    default -> throw new CorruptQueueFileException(name + ": unknown record: " + f[0]);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CorruptQueueFileException(name + ": bad envelope record: " + e.getMessage(), e);
        }
    }

    private static String field(String[] f, int index, int expected) {
        if (f.length != expected) {
            throw new IllegalArgumentException("record " + f[0] + " has " + f.length + " fields");
        }
        return f[index];
    }

    /** {@code N notify orcpt}: {@code -} for an absent value. */
    private static RecipientDsn parseDsn(String[] f) {
        String notify = field(f, 1, 3);
        String orcpt = field(f, 2, 3);
        Set<RecipientDsn.Notify> events = EnumSet.noneOf(RecipientDsn.Notify.class);
        if (!notify.equals("-")) {
            for (String word : notify.split(",")) {
                events.add(RecipientDsn.Notify.valueOf(word));
            }
        }
        return new RecipientDsn(events, orcpt.equals("-") ? null : Escaping.unescape(orcpt));
    }

    private static MailAddress parseAddress(String[] f) {
        return MailAddress.of(Escaping.unescape(field(f, 1, 3)), Escaping.unescape(field(f, 2, 3)));
    }

    /**
     * Marks a recipient done: rewrites its record type byte and syncs the file before returning,
     * so a restart never delivers to it again.
     */
    static void markDone(Path file, SpoolHeader.Recipient recipient) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer current = ByteBuffer.allocate(1);
            if (ch.read(current, recipient.markOffset()) != 1
                    || (current.get(0) != PENDING && current.get(0) != DONE)) {
                // Never write into the content because of a wrong offset.
                throw new CorruptQueueFileException(file.getFileName() + ": no recipient record at " + recipient.markOffset());
            }
            ch.write(ByteBuffer.wrap(new byte[] {DONE}), recipient.markOffset());
            ch.force(false);
        }
    }

    /** Reads LF-terminated lines while counting bytes, so records can be found again by offset. */
    private static final class LineReader {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        private long offset;

        LineReader(InputStream in) {
            this.in = in;
        }

        long offset() {
            return offset;
        }

        /** The next line without its LF, or null at end of input (a line without LF is incomplete). */
        String next() throws IOException {
            buf.reset();
            int b;
            while ((b = in.read()) != -1) {
                offset++;
                if (b == '\n') {
                    return buf.toString(StandardCharsets.US_ASCII);
                }
                if (buf.size() >= MAX_LINE) {
                    throw new CorruptQueueFileException("envelope line too long");
                }
                buf.write(b);
            }
            return null;
        }
    }
}
