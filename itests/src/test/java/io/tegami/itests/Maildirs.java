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

    /**
     * The messages in a folder of a Maildir ({@code ""} for INBOX) that contain {@code marker}, each
     * as its place ({@code new/} or {@code cur/} and the file name, which holds the flags), a
     * newline, then its text.
     */
    static List<String> find(Path maildir, String folder, String marker) throws IOException {
        List<String> found = new ArrayList<>();
        Path dir = folder.isEmpty() ? maildir : maildir.resolve("." + folder);
        for (String sub : List.of("new", "cur")) {
            Path d = dir.resolve(sub);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.toList()) {
                    String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                    if (text.contains(marker)) {
                        found.add(sub + "/" + f.getFileName() + "\n" + text);
                    }
                }
            }
        }
        return found;
    }

    /** The first message {@link #find} finds, waiting up to {@code timeoutMillis} for one. */
    static String await(Path maildir, String folder, String marker, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            List<String> found = find(maildir, folder, marker);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message containing " + marker + " in " + maildir + " '" + folder + "'");
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
