package io.tegami.aliases;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Postfix's readlline(): joins a line with the lines after it that start with white space,
 * and skips blank lines and lines whose first non-blank character is {@code #}. Each logical line
 * keeps the number of the physical line it began on, for error messages.
 */
final class LogicalLines {

    /** A joined line, or a line that started with white space where nothing came before. */
    record Line(int number, String text, boolean orphan) {
    }

    private LogicalLines() {
    }

    static List<Line> read(BufferedReader reader) throws IOException {
        List<Line> lines = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        int number = 0;
        String raw;
        while ((raw = reader.readLine()) != null) {
            number++;
            String trimmed = raw.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue; // comments do not end a continued entry, as in readlline()
            }
            if (Character.isWhitespace(raw.charAt(0))) {
                if (current != null) {
                    current.append(' ').append(trimmed);
                } else {
                    lines.add(new Line(number, trimmed, true));
                }
                continue;
            }
            if (current != null) {
                lines.add(new Line(start, current.toString(), false));
            }
            current = new StringBuilder(raw.stripTrailing());
            start = number;
        }
        if (current != null) {
            lines.add(new Line(start, current.toString(), false));
        }
        return lines;
    }
}
