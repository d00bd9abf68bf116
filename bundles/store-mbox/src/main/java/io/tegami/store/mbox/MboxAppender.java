package io.tegami.store.mbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one message to a locked mbox, as Postfix local and Dovecot deliver: a separating empty
 * line if the file does not end with one, the From_ line (sender from the Return-Path header the
 * delivery agent put first, else MAILER-DAEMON), the header without foreign metadata plus the
 * store's own, the mboxrd-quoted body, an empty line; then fsync. Existing content is never
 * rewritten (only X-IMAPbase's fixed-width last UID is updated in place); on any failure the
 * file is truncated back to its old length.
 */
final class MboxAppender {

    private static final Logger LOG = LoggerFactory.getLogger(MboxAppender.class);
    /** How much of the message is read ahead to find Return-Path before the From_ line is written. */
    private static final int LOOKAHEAD = 64 * 1024;

    private MboxAppender() {
    }

    /**
     * Appends a message.
     *
     * @param ch the mbox, locked for writing
     * @param size its size now
     * @param state its state (must not need a rewrite)
     * @param content the message; read to its end
     * @param flags the stored flags to give it
     * @param date the arrival time for the From_ line
     * @param uid its UID
     * @param keywords the folder's keywords after this append (listed in X-IMAPbase)
     * @return where the message starts and where the file now ends
     */
    static Appended append(FileChannel ch, long size, MboxState state, InputStream content, Set<String> flags,
            Instant date, long uid, List<String> keywords, ZoneId zone) throws IOException {
        try {
            Appended a = write(ch, size, state, content, flags, date, uid, keywords, zone);
            ch.force(false);
            return a;
        } catch (IOException | RuntimeException e) {
            try {
                ch.truncate(size);
                ch.force(false);
            } catch (IOException t) {
                LOG.error("cannot truncate the mbox back to {} bytes after a failed append: {}", size, t.toString());
            }
            throw e;
        }
    }

    /** Where an appended message's From_ line starts and where the file ends after it. */
    record Appended(long fromOffset, long end) {
    }

    private static Appended write(FileChannel ch, long size, MboxState state, InputStream content, Set<String> flags,
            Instant date, long uid, List<String> keywords, ZoneId zone) throws IOException {
        byte[] head = content.readNBytes(LOOKAHEAD);
        String sender = returnPath(head);
        boolean first = state.messages().isEmpty() && state.pseudo() == null;
        StringBuilder meta = new StringBuilder(96);
        if (first) {
            meta.append(MboxHeaders.X_IMAPBASE).append(": ")
                    .append(new MboxHeaders.ImapBase(state.uidValidity(), uid, keywords).format()).append('\n');
        }
        meta.append(MboxHeaders.X_UID).append(": ").append(uid).append('\n');
        meta.append(MboxHeaders.STATUS).append(": ").append(MboxHeaders.status(flags, false)).append('\n');
        String xStatus = MboxHeaders.xStatus(flags);
        if (!xStatus.isEmpty()) {
            meta.append(MboxHeaders.X_STATUS).append(": ").append(xStatus).append('\n');
        }
        List<String> kws = MboxHeaders.keywords(flags);
        if (!kws.isEmpty()) {
            meta.append(MboxHeaders.X_KEYWORDS).append(": ").append(MboxHeaders.keywordValue(kws)).append('\n');
        }
        ch.position(size);
        CountingOutputStream counter = new CountingOutputStream(
                new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024));
        byte[] separator = separatorBefore(ch, size);
        counter.write(separator);
        counter.write(FromLine.of(sender, date).format(zone));
        HeaderFilterOutputStream filter = new HeaderFilterOutputStream(counter, meta.toString());
        try (InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), content)) {
            all.transferTo(filter);
        }
        filter.finishContent();
        if (!filter.endsWithNewline()) {
            counter.write('\n');
        }
        counter.write('\n'); // the separator, as Dovecot and Postfix leave it
        counter.flush();
        long end = size + counter.count;
        if (!first && state.uidLastOffset() >= 0) {
            // X-IMAPbase's last UID has a fixed width: updating it in place is one small write.
            byte[] digits = String.format("%010d", uid).getBytes(StandardCharsets.US_ASCII);
            ch.write(ByteBuffer.wrap(digits), state.uidLastOffset());
        }
        return new Appended(size + separator.length, end);
    }

    /** What must come before a new From_ line so that an empty line precedes it. */
    private static byte[] separatorBefore(FileChannel ch, long size) throws IOException {
        if (size == 0) {
            return new byte[0];
        }
        ByteBuffer tail = ByteBuffer.allocate(2);
        long from = Math.max(0, size - 2);
        while (tail.hasRemaining() && ch.read(tail, from + tail.position()) > 0) {
            // read the last bytes
        }
        byte[] t = Arrays.copyOf(tail.array(), tail.position());
        boolean endsLf = t.length > 0 && t[t.length - 1] == '\n';
        boolean endsEmptyLine = endsLf && (t.length == 1 || t[t.length - 2] == '\n');
        if (endsEmptyLine) {
            return new byte[0];
        }
        return endsLf ? new byte[] {'\n'} : new byte[] {'\n', '\n'};
    }

    /**
     * The envelope sender from the first Return-Path header in {@code head}, or MAILER-DAEMON for
     * none or the null sender.
     */
    static String returnPath(byte[] head) {
        int pos = 0;
        while (pos < head.length) {
            int eol = pos;
            while (eol < head.length && head[eol] != '\n') {
                eol++;
            }
            String line = new String(head, pos, eol - pos, StandardCharsets.ISO_8859_1);
            if (line.isEmpty() || line.equals("\r")) {
                break; // end of header
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("return-path")) {
                String v = line.substring(colon + 1).strip();
                int lt = v.indexOf('<');
                int gt = v.lastIndexOf('>');
                if (lt >= 0 && gt > lt) {
                    v = v.substring(lt + 1, gt);
                }
                return v.isEmpty() ? FromLine.MAILER_DAEMON : v;
            }
            pos = eol + 1;
        }
        return FromLine.MAILER_DAEMON;
    }

    /** Counts what passes, to know the new file size without asking the file system. */
    private static final class CountingOutputStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
