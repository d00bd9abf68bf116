package io.tegami.imap.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Collects the chunks of one literal as they arrive. Up to {@code memoryLimit} octets stay in
 * memory; a bigger literal goes to a temporary file from its first byte, so that memory use per
 * session stays bounded whatever the client sends.
 */
final class LiteralBuilder {

    private final long expected;
    private final ByteArrayOutputStream memory;
    private final Path file;
    private final FileChannel channel;
    private long received;

    /**
     * @param expected the announced size
     * @param memoryLimit the largest literal kept in memory
     * @param tempDir where large literals are spooled
     * @throws IOException if the temporary file cannot be created
     */
    LiteralBuilder(long expected, long memoryLimit, Path tempDir) throws IOException {
        this.expected = expected;
        if (expected <= memoryLimit) {
            memory = new ByteArrayOutputStream((int) expected);
            file = null;
            channel = null;
        } else {
            memory = null;
            Files.createDirectories(tempDir);
            file = Files.createTempFile(tempDir, "imap-literal-", ".tmp");
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        }
    }

    /** Appends a chunk; bytes beyond the announced size are ignored (the net layer never sends them). */
    void append(ByteBuffer chunk) {
        int n = (int) Math.min(chunk.remaining(), expected - received);
        if (n <= 0) {
            return;
        }
        ByteBuffer slice = chunk.slice();
        slice.limit(n);
        received += n;
        if (memory != null) {
            byte[] tmp = new byte[n];
            slice.get(tmp);
            memory.writeBytes(tmp);
            return;
        }
        try {
            while (slice.hasRemaining()) {
                channel.write(slice);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The literal, once every byte arrived. */
    Literal finish() throws IOException {
        if (memory != null) {
            return Literal.of(memory.toByteArray());
        }
        channel.close();
        return Literal.inFile(file, received);
    }

    /** Drops what was received (connection lost mid-literal, or the command was refused). */
    void discard() {
        if (channel != null) {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Best effort.
            }
        }
    }
}
