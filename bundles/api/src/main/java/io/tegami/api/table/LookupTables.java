package io.tegami.api.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens Postfix lookup tables from their specs ({@code type:name}).
 *
 * <ul>
 * <li>{@code hash:}, {@code btree:}, {@code lmdb:}, {@code cdb:}, {@code dbm:}, {@code texthash:}:
 *     the postmap(1) source file, one {@code key value} per line;</li>
 * <li>{@code regexp:} and {@code pcre:}: {@code /pattern/flags result} lines, with {@code !}
 *     negation and {@code if}/{@code endif} blocks;</li>
 * <li>{@code inline:{ key=value, { key = text with spaces } }};</li>
 * <li>{@code static:value} (every key), {@code fail:name} (every lookup fails).</li>
 * </ul>
 */
public final class LookupTables {

    private LookupTables() {
    }

    /**
     * Opens one table.
     *
     * @param spec {@code type:name}, as in a Postfix parameter
     * @param base the directory relative file names are resolved against (Tegami's home)
     * @throws TableException when the type is unknown or the spec is malformed; a missing or
     *         unreadable file is reported by the lookups, as Postfix does
     */
    public static LookupTable open(String spec, Path base) throws TableException {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new TableException("unsupported dictionary type or missing type: " + spec);
        }
        String type = spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String name = spec.substring(colon + 1);
        switch (type) {
            case "hash", "btree", "lmdb", "cdb", "dbm", "texthash":
                return new TextTable(spec, resolve(name, base));
            case "regexp", "pcre":
                return new PatternTable(spec, resolve(name, base));
            case "inline":
                return InlineTable.parse(spec, name);
            case "static":
                return new StaticTable(spec, unbrace(name));
            case "fail":
                return new FailTable(spec);
            default:
                throw new TableException("unsupported dictionary type: " + type);
        }
    }

    /**
     * Opens every table of a list parameter ({@code hash:/a, regexp:/b}), in order. A list entry
     * of {@code inline:{...}} may contain commas and spaces; braces are kept together.
     */
    public static List<LookupTable> openAll(String specs, Path base) throws TableException {
        List<LookupTable> tables = new ArrayList<>();
        for (String spec : split(specs)) {
            tables.add(open(spec, base));
        }
        return tables;
    }

    /**
     * Reads a table's whole file and returns every syntax error with its line, for
     * {@code postfix check} and {@code postmap}-style validation. Empty when the table is fine.
     */
    public static List<TableException> check(String spec, Path base) {
        try {
            LookupTable table = open(spec, base);
            if (table instanceof FileTable<?> file) {
                return file.problems();
            }
            return List.of();
        } catch (TableException e) {
            return List.of(e);
        }
    }

    /**
     * Splits a Postfix list at commas and white space, keeping {@code {...}} groups whole.
     */
    public static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
            if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
                if (current.length() > 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static Path resolve(String name, Path base) throws TableException {
        if (name.isEmpty()) {
            throw new TableException("missing table file name");
        }
        Path path = Path.of(name);
        return path.isAbsolute() ? path : base.resolve(path);
    }

    static String unbrace(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            return trimmed.substring(1, trimmed.length() - 1).trim();
        }
        return trimmed;
    }
}
