package io.tegami.imap.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one IMAP literal ({@code {n}} or {@code {n+}}) a client sent: in memory when
 * small, in a temporary file when large (an APPEND of a big message must not sit in the heap).
 * {@link #close()} deletes the file; the command that owns the literal closes it when done.
 */
public final class Literal implements AutoCloseable {

    private final byte[] bytes;
    private final Path file;
    private final long size;

    private Literal(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /** A literal held in memory. */
    public static Literal of(byte[] bytes) {
        return new Literal(bytes, null, bytes.length);
    }

    /** A literal held in {@code file}, which it now owns. */
    static Literal inFile(Path file, long size) {
        return new Literal(null, file, size);
    }

    /** The number of octets. */
    public long size() {
        return size;
    }

    /** True when the bytes are in memory ({@link #bytes()} may be called). */
    public boolean inMemory() {
        return bytes != null;
    }

    /**
     * The bytes. Only for literals in memory: arguments other than APPEND's message are bounded
     * by the command length limit and always are.
     *
     * @throws IllegalStateException if the literal was spooled to disk
     */
    public byte[] bytes() {
        if (bytes == null) {
            throw new IllegalStateException("literal of " + size + " octets is on disk");
        }
        return bytes;
    }

    /** The bytes decoded as UTF-8. */
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** Streams the bytes; close the stream. */
    public InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /** Deletes the temporary file, if any. Never throws. */
    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Best effort: the temporary directory is cleaned by the OS too.
            }
        }
    }
}
