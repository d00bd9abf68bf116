package io.tegami.api.table;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code inline:{ key=value, { key = text with spaces } }} (Postfix 3.0 inline tables). */
final class InlineTable implements LookupTable {

    private final String spec;
    private final Map<String, String> entries;

    private InlineTable(String spec, Map<String, String> entries) {
        this.spec = spec;
        this.entries = entries;
    }

    static InlineTable parse(String spec, String body) throws TableException {
        String text = body.trim();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new TableException(spec + ": syntax error: expected inline:{ name=value, ... }");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (String item : LookupTables.split(text.substring(1, text.length() - 1))) {
            String entry = LookupTables.unbrace(item);
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new TableException(spec + ": syntax error: missing '=' after attribute name: \"" + entry + "\"");
            }
            entries.put(entry.substring(0, equals).trim().toLowerCase(Locale.ROOT), entry.substring(equals + 1).trim());
        }
        return new InlineTable(spec, entries);
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public Optional<String> lookup(String key) {
        return Optional.ofNullable(entries.get(key.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean isPattern() {
        return false;
    }
}
