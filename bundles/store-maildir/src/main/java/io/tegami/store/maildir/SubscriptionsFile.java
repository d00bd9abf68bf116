package io.tegami.store.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dovecot's {@code subscriptions} file in the mail root: one name per line, in modified UTF-7,
 * levels joined by the hierarchy delimiter; or, when the file starts with Dovecot's version 2
 * header {@code V<TAB>2} and an empty line, levels joined by TAB with {@code \001} escapes. The
 * file is rewritten whole under {@code subscriptions.lock} (Dovecot's dot-lock) in the version it
 * was read in, as Dovecot's subsfile_set_subscribed() does.
 */
final class SubscriptionsFile {

    static final String NAME = "subscriptions";
    private static final String V2_HEADER = "V\t2\n\n";

    private final Path file;

    SubscriptionsFile(Path root) {
        this.file = root.resolve(NAME);
    }

    /** The subscribed names (Unicode), sorted, INBOX normalized; unreadable lines are skipped. */
    List<String> read() throws IOException {
        Set<String> out = new TreeSet<>();
        for (String diskName : readRaw().names()) {
            String n = MailboxNames.fromDisk(diskName);
            if (n != null) {
                try {
                    out.add(MailboxNames.normalize(n));
                } catch (io.tegami.api.store.StoreException e) {
                    // a name we would refuse to open: not listed
                }
            }
        }
        return new ArrayList<>(out);
    }

    private record Raw(boolean v2, List<String> names) {
    }

    private Raw readRaw() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Raw(false, List.of());
        }
        boolean v2 = text.startsWith(V2_HEADER);
        if (v2) {
            text = text.substring(V2_HEADER.length());
        }
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                names.add(v2 ? unescapeV2(line) : line);
            }
        }
        return new Raw(v2, names);
    }

    /** Adds or removes a normalized name; a no-op when nothing changes. */
    void set(String normalized, boolean subscribed) throws IOException {
        String disk = MailboxNames.diskName(normalized);
        try (DotLock lock = DotLock.acquire(file)) {
            Raw raw = readRaw();
            Set<String> names = new LinkedHashSet<>(raw.names());
            boolean changed = subscribed ? names.add(disk) : names.remove(disk);
            if (!changed) {
                return;
            }
            StringBuilder out = new StringBuilder(raw.v2() ? V2_HEADER : "");
            for (String n : names) {
                out.append(raw.v2() ? escapeV2(n) : n).append('\n');
            }
            Path tmp = file.resolveSibling(NAME + ".tmp");
            FsSupport.writeFile(tmp, out.toString().getBytes(StandardCharsets.UTF_8), false);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            FsSupport.fsyncDirectory(file.getParent());
        }
    }

    /** Version 2 lines: levels separated by TAB, with \001 escapes (str_append_tabescaped). */
    private static String unescapeV2(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.append(MailboxNames.DELIMITER);
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
        return out.toString();
    }

    private static String escapeV2(String name) {
        // Our names hold no control characters, so only the delimiter becomes TAB.
        return name.replace(MailboxNames.DELIMITER, '\t');
    }
}
