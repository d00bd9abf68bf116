package io.tegami.api.table;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code hash:}-style table read from its postmap(1) source: {@code key whitespace value} per
 * line, keys folded to lower case; the first entry for a key wins (postmap warns about
 * duplicates, and so does {@link LookupTables#check}).
 */
final class TextTable extends FileTable<Map<String, String>> {

    TextTable(String spec, Path file) {
        super(spec, file);
    }

    @Override
    Map<String, String> parse(List<String> lines, List<TableException> problems) {
        Map<String, String> entries = new HashMap<>();
        for (NumberedLine line : logicalLines(lines)) {
            String text = line.text();
            int split = 0;
            while (split < text.length() && !Character.isWhitespace(text.charAt(split))) {
                split++;
            }
            String key = text.substring(0, split);
            // postmap also accepts "key: value" when the key ends in a colon (aliases style is separate).
            String value = text.substring(split).strip();
            if (value.isEmpty()) {
                problems.add(new TableException(spec() + ", line " + line.number()
                        + ": expected format: key whitespace value", line.number(), null));
                continue;
            }
            String folded = key.toLowerCase(Locale.ROOT);
            if (entries.putIfAbsent(folded, value) != null) {
                problems.add(new TableException(spec() + ", line " + line.number()
                        + ": duplicate entry: \"" + folded + "\"", line.number(), null));
            }
        }
        return entries;
    }

    @Override
    Optional<String> find(Map<String, String> entries, String key) {
        return Optional.ofNullable(entries.get(key.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean isPattern() {
        return false;
    }
}
