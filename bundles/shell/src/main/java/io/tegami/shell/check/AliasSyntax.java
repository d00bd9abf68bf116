package io.tegami.shell.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an aliases(5) file as postalias(1) does and reports what postalias warns about, in its
 * words ({@code FILE, line N: need name:value pair}): logical lines are {@code name: value},
 * continued by lines that start with white space; {@code #} lines and blank lines are ignored.
 * A missing file is a warning: the aliases bundle then delivers without aliases.
 */
final class AliasSyntax {

    private AliasSyntax() {
    }

    static void check(Path file, Findings findings) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            // Postfix would defer local mail; Tegami's aliases bundle skips the table and delivers
            // without aliases, so this is worth a word but does not stop mail.
            findings.warning("open database " + file + ": No such file or directory");
            return;
        } catch (IOException e) {
            findings.error("open database " + file + ": " + e.getMessage());
            return;
        }
        Set<String> seen = new HashSet<>();
        int start = 0;
        StringBuilder logical = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            boolean comment = line != null && (line.isBlank() || line.stripLeading().startsWith("#"));
            if (comment) {
                continue;
            }
            boolean continuation = line != null && !line.isEmpty() && Character.isWhitespace(line.charAt(0));
            if (continuation) {
                if (logical == null) {
                    findings.warning(file + ", line " + (i + 1) + ": logical line must not start with whitespace");
                } else {
                    logical.append(' ').append(line.strip());
                }
                continue;
            }
            if (logical != null) {
                entry(file, start, logical.toString(), seen, findings);
            }
            logical = line == null ? null : new StringBuilder(line);
            start = i + 1;
        }
    }

    private static void entry(Path file, int line, String text, Set<String> seen, Findings findings) {
        int colon = colon(text);
        String where = file + ", line " + line + ": ";
        if (colon < 0) {
            findings.warning(where + "need name:value pair");
            return;
        }
        String name = text.substring(0, colon).strip();
        if (name.isEmpty()) {
            findings.warning(where + "missing alias name");
            return;
        }
        if (text.substring(colon + 1).isBlank()) {
            findings.warning(where + "missing value for alias \"" + name + "\"");
            return;
        }
        if (!seen.add(name.toLowerCase(Locale.ROOT))) {
            findings.warning(where + "duplicate entry: \"" + name.toLowerCase(Locale.ROOT) + "\"");
        }
    }

    /** The colon that ends the name; a quoted name ("a:b") may contain colons. */
    private static int colon(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
