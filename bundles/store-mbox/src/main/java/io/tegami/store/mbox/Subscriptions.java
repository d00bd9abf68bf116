package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.tegami.api.store.ModifiedUtf7;
import io.tegami.api.store.StoreException;

/**
 * Dovecot's {@code .subscriptions} file: one name per line, each level in modified UTF-7 (the
 * storage names), with '/' between levels (version 1), or after a {@code V<tab>2} header with
 * levels separated by tabs and tab-escaped (version 2, kept when the file has it). Changes are written to
 * a temporary file and renamed over it, under the file's dot-lock, as Dovecot does.
 */
final class Subscriptions {

    private static final String V2_HEADER = "V\t2";

    private final Path file;
    private final MboxLock.Settings settings;

    Subscriptions(Path file, MboxLock.Settings settings) {
        this.file = file;
        this.settings = settings;
    }

    /** The subscribed names, normalized, sorted, without duplicates; unreadable lines are skipped. */
    List<String> list() throws IOException {
        return new ArrayList<>(read().names);
    }

    /** Adds or removes a normalized name. */
    void set(String name, boolean subscribed) throws IOException {
        FsSupport.createPrivateDirectories(file.getParent());
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        DotLock lock = DotLock.acquire(file, deadline, settings.stale());
        try {
            Content c = read();
            boolean changed = subscribed ? c.names.add(name) : c.names.remove(name);
            if (!changed) {
                return;
            }
            StringBuilder out = new StringBuilder();
            if (c.v2) {
                out.append(V2_HEADER).append("\n\n");
            }
            for (String n : c.names) {
                out.append(c.v2 ? v2Line(n) : encode(n)).append('\n');
            }
            Path temp = file.resolveSibling(file.getFileName() + ".tegami-tmp");
            Files.write(temp, out.toString().getBytes(StandardCharsets.UTF_8));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            FsSupport.fsyncDirectory(file.getParent());
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private record Content(boolean v2, TreeSet<String> names) {
    }

    private Content read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Content(false, new TreeSet<>());
        }
        boolean v2 = !lines.isEmpty() && lines.get(0).equals(V2_HEADER);
        TreeSet<String> names = new TreeSet<>();
        for (int i = v2 ? 1 : 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String name = v2 ? fromV2(line) : decode(line);
            try {
                names.add(MboxLayout.normalize(name));
            } catch (StoreException | RuntimeException e) {
                // a line no client could have subscribed through us: ignored
            }
        }
        return new Content(v2, names);
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (String level : name.split("/")) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(ModifiedUtf7.encode(level));
        }
        return out.toString();
    }

    private static String decode(String line) {
        try {
            return ModifiedUtf7.decode(line);
        } catch (IllegalArgumentException e) {
            return line; // already Unicode (a UTF8 mailbox list)
        }
    }

    private static String v2Line(String name) {
        StringBuilder out = new StringBuilder();
        for (String level : name.split("/")) {
            if (out.length() > 0) {
                out.append('\t');
            }
            for (char c : ModifiedUtf7.encode(level).toCharArray()) {
                switch (c) {
                    case '\001' -> out.append("\0011");
                    case '\t' -> out.append("\001t");
                    case '\r' -> out.append("\001r");
                    case '\n' -> out.append("\001n");
                    default -> out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static String fromV2(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.append('/');
            } else if (c == '\001' && i + 1 < line.length()) {
                char e = line.charAt(++i);
                out.append(switch (e) {
                    case '1' -> '\001';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return decode(out.toString());
    }
}
