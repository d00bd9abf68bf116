package io.tegami.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads what landed in a Maildir, waiting a little for asynchronous delivery. */
final class Maildirs {

    private Maildirs() {
    }

    /** The messages in {@code maildir/new}, waiting up to {@code timeoutMillis} for {@code count} of them. */
    static List<String> awaitNew(Path maildir, int count, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<String> messages = read(maildir.resolve("new"));
        while (messages.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            messages = read(maildir.resolve("new"));
        }
        return messages;
    }

    static List<String> read(Path dir) throws IOException {
        List<String> messages = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return messages;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                messages.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return messages;
    }
}
