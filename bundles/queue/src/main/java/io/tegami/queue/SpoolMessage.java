package io.tegami.queue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import io.tegami.api.mail.Envelope;
import io.tegami.api.queue.QueuedMessage;

/**
 * A queued message as delivery agents see it: the envelope read from the queue file, and the
 * content streamed from that same file on every {@link #openContent()}.
 *
 * <p>Only the envelope's record type bytes are ever rewritten after commit, so reading the content
 * region while the queue manager marks recipients done is safe.
 */
final class SpoolMessage implements QueuedMessage {

    private final Path file;
    private final SpoolHeader header;
    private final long size;

    SpoolMessage(Path file, SpoolHeader header, long fileLength) {
        this.file = file;
        this.header = header;
        this.size = Math.max(0, fileLength - header.contentOffset());
    }

    Path file() {
        return file;
    }

    SpoolHeader header() {
        return header;
    }

    @Override
    public String queueId() {
        return header.queueId();
    }

    @Override
    public Envelope envelope() {
        return header.envelope();
    }

    @Override
    public Instant arrivalTime() {
        return header.arrival();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream openContent() throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ch.position(header.contentOffset());
            return new BufferedInputStream(Channels.newInputStream(ch), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "QueuedMessage[" + header.queueId() + "]";
    }
}
