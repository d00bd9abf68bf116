package io.tegami.aliases;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One aliases(5) file, read whole, as postalias(1) builds its database from it: each entry
 * {@code name: value, value...} (continued on lines that start with white space), keys folded to
 * lower case, the first of duplicate keys kept. Every malformed entry is skipped and reported with
 * its line number; the rest of the file still counts.
 *
 * @param name the file as configured, for messages
 * @param entries alias name to its entry
 * @param problems what postalias would warn about, in line order
 */
public record AliasFile(String name, Map<String, Entry> entries, List<AliasProblem> problems) {

    /** One alias: where it is and its parsed value. */
    public record Entry(int line, List<AliasValues.Item> items) {
    }

    public AliasFile {
        entries = Map.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /**
     * Reads and checks a file.
     *
     * @param origin the domain of bare names ({@code $myorigin})
     * @param base what relative {@code :include:} names are resolved against (Tegami's home)
     * @throws IOException when the file cannot be read at all
     */
    public static AliasFile read(String name, Path file, String origin, Path base) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(name, reader, origin, base);
        }
    }

    static AliasFile parse(String name, BufferedReader reader, String origin, Path base) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<AliasProblem> problems = new ArrayList<>();
        for (LogicalLines.Line line : LogicalLines.read(reader)) {
            if (line.orphan()) {
                problems.add(new AliasProblem(name, line.number(), "logical line must not start with whitespace"));
                continue;
            }
            int colon = colon(line.text());
            if (colon < 0) {
                problems.add(new AliasProblem(name, line.number(), "need name:value pair"));
                continue;
            }
            String key = unquote(line.text().substring(0, colon).strip()).toLowerCase(Locale.ROOT);
            String value = line.text().substring(colon + 1).strip();
            if (key.isEmpty()) {
                problems.add(new AliasProblem(name, line.number(), "missing alias name"));
                continue;
            }
            if (value.isEmpty()) {
                problems.add(new AliasProblem(name, line.number(), "missing value for alias \"" + key + "\""));
                continue;
            }
            List<AliasValues.Item> items;
            try {
                items = AliasValues.parse(value, origin, base);
            } catch (AliasValues.SyntaxError e) {
                problems.add(new AliasProblem(name, line.number(), e.getMessage()));
                continue;
            }
            if (items.isEmpty()) {
                problems.add(new AliasProblem(name, line.number(), "missing value for alias \"" + key + "\""));
            } else if (entries.containsKey(key)) {
                problems.add(new AliasProblem(name, line.number(), "duplicate entry: \"" + key + "\""));
            } else {
                entries.put(key, new Entry(line.number(), items));
            }
        }
        return new AliasFile(name, entries, problems);
    }

    /** The first colon outside double quotes, or -1. */
    private static int colon(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String key) {
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")
                ? key.substring(1, key.length() - 1).replace("\\\"", "\"") : key;
    }
}
