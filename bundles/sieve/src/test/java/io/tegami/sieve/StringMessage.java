package io.tegami.sieve;

import io.tegami.api.sieve.SieveMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A message from text, for tests: written to a temporary file and read with {@link FileMessage}. */
final class StringMessage implements SieveMessage {

    private final FileMessage delegate;

    StringMessage(String text) {
        try {
            Path file = Files.createTempFile("sieve", ".eml");
            file.toFile().deleteOnExit();
            Files.writeString(file, text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
            delegate = new FileMessage(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> header(String name) {
        return delegate.header(name);
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public InputStream body() throws IOException {
        return delegate.body();
    }
}
