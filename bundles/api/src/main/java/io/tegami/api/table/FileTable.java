package io.tegami.api.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table read from a text file, parsed again whenever the file's modification time or size
 * changes, so an edit takes effect at the next lookup without a {@code postmap} or reload.
 *
 * @param <T> the parsed form
 */
abstract class FileTable<T> implements LookupTable {

    private final String spec;
    private final Path file;
    private volatile Snapshot<T> snapshot;

    private record Snapshot<T>(long modified, long size, T parsed, List<TableException> problems) {
    }

    FileTable(String spec, Path file) {
        this.spec = spec;
        this.file = file;
    }

    @Override
    public final String spec() {
        return spec;
    }

    @Override
    public final Optional<String> lookup(String key) throws TableException {
        return find(current().parsed(), key);
    }

    /** Every syntax error of the file as it is now. */
    final List<TableException> problems() {
        try {
            return current().problems();
        } catch (TableException e) {
            return List.of(e);
        }
    }

    /** Parses the lines, adding each syntax error (with its line) to {@code problems}. */
    abstract T parse(List<String> lines, List<TableException> problems);

    abstract Optional<String> find(T parsed, String key);

    private Snapshot<T> current() throws TableException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new TableException(spec + ": open " + file + ": No such file or directory", e);
        } catch (IOException e) {
            throw new TableException(spec + ": " + e.getMessage(), e);
        }
        long modified = attributes.lastModifiedTime().toMillis();
        Snapshot<T> seen = snapshot;
        if (seen != null && seen.modified() == modified && seen.size() == attributes.size()) {
            return seen;
        }
        synchronized (this) {
            seen = snapshot;
            if (seen != null && seen.modified() == modified && seen.size() == attributes.size()) {
                return seen;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TableException(spec + ": read " + file + ": " + e.getMessage(), e);
            }
            List<TableException> problems = new ArrayList<>();
            T parsed = parse(lines, problems);
            seen = new Snapshot<>(modified, attributes.size(), parsed, List.copyOf(problems));
            snapshot = seen;
            return seen;
        }
    }

    /**
     * Joins Postfix's continuation lines (a line starting with white space continues the one
     * before it) and drops comments and blank lines. Each entry keeps its first line number.
     */
    static List<NumberedLine> logicalLines(List<String> lines) {
        List<NumberedLine> result = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && current != null) {
                current.append(' ').append(trimmed);
                continue;
            }
            if (current != null) {
                result.add(new NumberedLine(start, current.toString()));
            }
            current = new StringBuilder(trimmed);
            start = i + 1;
        }
        if (current != null) {
            result.add(new NumberedLine(start, current.toString()));
        }
        return result;
    }

    record NumberedLine(int number, String text) {
    }
}
