package io.tegami.delivery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.tegami.api.queue.QueuedMessage;
import io.tegami.api.sieve.SieveMessage;

/**
 * The queued message as a script sees it: the header section is parsed once, on first use; the
 * body is a fresh stream from the spool file each time a test asks for it.
 */
final class QueuedSieveMessage implements SieveMessage {

    private final QueuedMessage message;
    private HeaderSection header;

    QueuedSieveMessage(QueuedMessage message) {
        this.message = message;
    }

    synchronized HeaderSection header() throws IOException {
        if (header == null) {
            try (InputStream in = new BufferedInputStream(message.openContent())) {
                header = HeaderSection.read(in);
            }
        }
        return header;
    }

    @Override
    public List<String> header(String name) throws IOException {
        return header().values(name);
    }

    @Override
    public long size() {
        return message.size();
    }

    @Override
    public InputStream body() throws IOException {
        InputStream in = new BufferedInputStream(message.openContent());
        try {
            HeaderSection.read(in); // skips the header; the body follows
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
