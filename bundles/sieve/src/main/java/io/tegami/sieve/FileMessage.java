package io.tegami.sieve;

import io.tegami.api.sieve.SieveMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link SieveMessage} over a message file (RFC 5322, CRLF or LF line ends): the header is read
 * once when constructed, the body streamed from the file on demand.
 */
public final class FileMessage implements SieveMessage {

    private final Path file;
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private final long bodyOffset;

    /** Reads the header of the file. */
    public FileMessage(Path file) throws IOException {
        this.file = file;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            this.bodyOffset = readHeader(in);
        }
    }

    private long readHeader(InputStream in) throws IOException {
        long offset = 0;
        StringBuilder current = null;
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            offset += line.size() + (b >= 0 ? 1 : 0);
            String text = line.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty() || b < 0) {
                if (!text.isEmpty()) {
                    current = add(current, text);
                }
                flush(current);
                return offset;
            }
            current = add(current, text);
        }
    }

    private StringBuilder add(StringBuilder current, String text) {
        if ((text.startsWith(" ") || text.startsWith("\t")) && current != null) {
            // Unfolding (RFC 5322 2.2.3): drop the line break, keep the whitespace.
            return current.append(text);
        }
        flush(current);
        return new StringBuilder(text);
    }

    private void flush(StringBuilder field) {
        if (field == null) {
            return;
        }
        int colon = field.indexOf(":");
        if (colon > 0) {
            fields.add(Map.entry(field.substring(0, colon).trim(), field.substring(colon + 1).stripLeading()));
        }
    }

    @Override
    public List<String> header(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase(name)) {
                out.add(f.getValue());
            }
        }
        return out;
    }

    @Override
    public long size() throws IOException {
        return Files.size(file);
    }

    @Override
    public InputStream body() throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(Math.min(bodyOffset, Files.size(file)));
        return in;
    }
}
