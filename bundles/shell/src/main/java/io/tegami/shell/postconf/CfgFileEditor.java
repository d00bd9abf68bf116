package io.tegami.shell.postconf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits {@code configs/tegami.main.cfg} the way {@code postconf -e} edits {@code main.cf}: the line
 * of each changed parameter is replaced in place, new parameters are appended, removed ones are
 * dropped, and comments and every other line stay as they were.
 *
 * <p>The new file replaces the old one by an atomic rename, so Felix FileInstall, which watches
 * the folder, never reads a half-written file. FileInstall's own write-back is switched off in
 * the distribution for that reason: it rewrites a file while its watcher may be reading it, and a
 * watcher that reads an empty file empties the configuration.
 */
final class CfgFileEditor implements ParameterEditor {

    private static final Pattern KEY = Pattern.compile("^\\s*([^#!\\s=:][^\\s=:]*)\\s*[=:\\s]");

    private final Path file;

    CfgFileEditor(Path file) {
        this.file = file;
    }

    @Override
    public void apply(Map<String, String> set, Collection<String> remove) throws IOException {
        List<String> lines = Files.exists(file)
                ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        Files.createDirectories(file.toAbsolutePath().getParent());
        writeAtomically(edit(lines, set, remove));
    }

    /** The edited lines; visible for tests. */
    static List<String> edit(List<String> lines, Map<String, String> set, Collection<String> remove) {
        Map<String, String> pending = new LinkedHashMap<>(set);
        List<String> out = new ArrayList<>(lines.size() + set.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = KEY.matcher(line + " ");
            String key = m.find() ? m.group(1) : null;
            int last = i;
            while (continues(lines.get(last)) && last + 1 < lines.size()) {
                last++;
            }
            if (key != null && (pending.containsKey(key) || remove.contains(key) || set.containsKey(key))) {
                if (pending.containsKey(key)) {
                    out.add(line(key, pending.remove(key)));
                }
                // A second definition of the same key, or a removed one: drop it.
                i = last;
                continue;
            }
            for (int j = i; j <= last; j++) {
                out.add(lines.get(j));
            }
            i = last;
        }
        pending.forEach((key, value) -> out.add(line(key, value)));
        return out;
    }

    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return !line.stripLeading().startsWith("#") && backslashes % 2 == 1;
    }

    /** One {@code name = value} line, escaped for the properties format FileInstall reads. */
    static String line(String key, String value) {
        StringBuilder v = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> v.append("\\\\");
                case '\n' -> v.append("\\n");
                case '\r' -> v.append("\\r");
                case '\t' -> v.append("\\t");
                default -> v.append(c);
            }
        }
        return key + " = " + v;
    }

    private void writeAtomically(List<String> lines) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".postconf-", ".tmp");
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
