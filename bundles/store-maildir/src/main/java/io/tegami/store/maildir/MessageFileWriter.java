package io.tegami.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;

/**
 * Streams a message into a new file with LF line endings, as Maildir (and mutt, and Dovecot's
 * LDA) keep them: each CRLF becomes LF, a lone CR stays. It computes the stored size and the
 * virtual size (every LF counted as CRLF, RFC822.SIZE, Dovecot's W=) on the way, sets the mtime to
 * the INTERNALDATE (Dovecot reads INTERNALDATE from the mtime) and fsyncs before returning.
 * Memory use is two fixed buffers whatever the message size.
 */
final class MessageFileWriter {

    private static final int BUFFER = 64 * 1024;

    /**
     * @param size the bytes stored
     * @param vsize the size with CRLF line endings
     */
    record Sizes(long size, long vsize) {
    }

    private MessageFileWriter() {
    }

    /** Writes {@code content} to the new file {@code file} (which must not exist). */
    static Sizes write(Path file, InputStream content, Instant internalDate) throws IOException {
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                FsSupport.privateFile())) {
            Sizes sizes = copy(content, ch);
            // Before force(): the mtime is metadata that must be durable with the content.
            Files.setLastModifiedTime(file, FileTime.from(internalDate));
            ch.force(true);
            return sizes;
        }
    }

    private static Sizes copy(InputStream in, FileChannel ch) throws IOException {
        byte[] input = new byte[BUFFER];
        ByteBuffer out = ByteBuffer.allocate(BUFFER);
        long size = 0;
        long bareLf = 0; // LFs not preceded by CR in the output: each adds one byte to vsize
        int last = -1;
        boolean pendingCr = false;
        int n;
        while ((n = in.read(input)) >= 0) {
            for (int i = 0; i < n; i++) {
                byte b = input[i];
                if (!pendingCr && b != '\r') {
                    // A run without CR is copied as it is, in bulk; only its LFs are counted.
                    int end = i;
                    while (end < n && input[end] != '\r') {
                        end++;
                    }
                    for (int k = i; k < end; k++) {
                        if (input[k] == '\n' && (k > i || last != '\r')) {
                            bareLf++;
                        }
                    }
                    putAll(ch, out, input, i, end - i);
                    size += end - i;
                    last = input[end - 1];
                    i = end - 1;
                    continue;
                }
                if (pendingCr) {
                    pendingCr = false;
                    if (b == '\n') {
                        // CRLF -> LF
                        bareLf += last == '\r' ? 0 : 1;
                        last = put(ch, out, b);
                        size++;
                        continue;
                    }
                    last = put(ch, out, (byte) '\r');
                    size++;
                }
                if (b == '\r') {
                    pendingCr = true; // decide when the next byte (maybe in the next read) comes
                    continue;
                }
                if (b == '\n' && last != '\r') {
                    bareLf++;
                }
                last = put(ch, out, b);
                size++;
            }
        }
        if (pendingCr) {
            put(ch, out, (byte) '\r');
            size++;
        }
        drain(ch, out);
        return new Sizes(size, size + bareLf);
    }

    private static int put(FileChannel ch, ByteBuffer out, byte b) throws IOException {
        if (!out.hasRemaining()) {
            drain(ch, out);
        }
        out.put(b);
        return b;
    }

    private static void putAll(FileChannel ch, ByteBuffer out, byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (!out.hasRemaining()) {
                drain(ch, out);
            }
            int k = Math.min(len, out.remaining());
            out.put(b, off, k);
            off += k;
            len -= k;
        }
    }

    private static void drain(FileChannel ch, ByteBuffer out) throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            ch.write(out);
        }
        out.clear();
    }
}
