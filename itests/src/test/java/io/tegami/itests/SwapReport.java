package io.tegami.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The figures of a hot-swap run: one row per bundle and console action with how long the
 * command took, how long until it took effect (the service gone after {@code stop}, serving
 * again after {@code start} and {@code update}) and how long each port was unavailable in that
 * action's window; and the delivered tokens counted in a Maildir, every folder.
 */
final class SwapReport {

    private static final Pattern TOKEN = Pattern.compile("(?m)^Subject: hotswap ([0-9]+-[0-9]+)");

    /** One console action and what it cost. */
    record Row(String bundle, String action, long ctlMillis, long effectMillis, long smtpDown, long imapDown,
            long pop3Down) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    /** The table, as printed and written to a file. */
    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("Hot swap under load: port unavailability per bundle and console action (ms)\n");
        sb.append("  effect = stop: until the service was gone; start/update: until it served again\n");
        sb.append("  smtp/imap/pop3 = time the port did not greet (connect+greeting probed every ~20 ms),\n");
        sb.append("  from the command until the next one (after stop this includes the time left stopped)\n");
        sb.append(String.format("%-24s %-7s %7s %7s %7s %7s %7s%n", "bundle", "action", "ctl", "effect", "smtp",
                "imap", "pop3"));
        for (Row r : rows) {
            sb.append(String.format("%-24s %-7s %7d %7s %7d %7d %7d%n", r.bundle(), r.action(), r.ctlMillis(),
                    r.effectMillis() < 0 ? "-" : Long.toString(r.effectMillis()), r.smtpDown(), r.imapDown(),
                    r.pop3Down()));
        }
        return sb.toString();
    }

    void write(Path file, String more) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, table() + "\n" + more, StandardCharsets.UTF_8);
    }

    /** How many times each token was delivered, over every folder's new/ and cur/ of a Maildir. */
    static Map<String, Integer> delivered(Path maildir) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Path file : messages(maildir)) {
            String head;
            try {
                head = new String(readHead(file), StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException moved) {
                continue; // moved new/ -> cur/ while we looked; the walk of cur/ may or may not see it
            }
            Matcher m = TOKEN.matcher(head);
            if (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The message files of a Maildir: regular files in any {@code new/} or {@code cur/}. */
    static List<Path> messages(Path maildir) throws IOException {
        if (!Files.isDirectory(maildir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(maildir)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String dir = p.getParent().getFileName().toString();
                return dir.equals("new") || dir.equals("cur");
            }).toList();
        }
    }

    private static byte[] readHead(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        }
    }
}
