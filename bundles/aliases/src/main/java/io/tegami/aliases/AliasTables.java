package io.tegami.aliases;

import java.io.IOException;
import java.io.StringReader;
import java.io.BufferedReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.tegami.api.address.Destination;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * A snapshot of {@code alias_maps}: the aliases(5) files it names, parsed when the snapshot is
 * made (as postalias builds its database: edits take effect at the next {@code newaliases}), and
 * any other table type ({@code regexp:}, {@code inline:}...) looked up live, its result parsed as
 * an alias value.
 */
final class AliasTables {

    /** The table types whose file is an aliases(5) source file. */
    static final Set<String> FILE_TYPES = Set.of("hash", "btree", "lmdb", "cdb", "dbm", "texthash");

    private sealed interface Source {
    }

    private record Parsed(AliasFile file) implements Source {
    }

    private record Live(LookupTable table) implements Source {
    }

    private final String specs;
    private final List<Source> sources;
    private final List<AliasProblem> problems;
    private final String origin;
    private final Path base;

    private AliasTables(String specs, List<Source> sources, List<AliasProblem> problems, String origin, Path base) {
        this.specs = specs;
        this.sources = sources;
        this.problems = problems;
        this.origin = origin;
        this.base = base;
    }

    /**
     * Opens every table; a file that cannot be read is a problem (line 0), its aliases absent.
     *
     * @param specs the {@code alias_maps} value
     */
    static AliasTables load(String specs, String origin, Path base) {
        List<Source> sources = new ArrayList<>();
        List<AliasProblem> problems = new ArrayList<>();
        for (String spec : LookupTables.split(specs)) {
            int colon = spec.indexOf(':');
            String type = colon > 0 ? spec.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            try {
                if (FILE_TYPES.contains(type)) {
                    AliasFile file = readFile(spec, spec.substring(colon + 1), origin, base);
                    sources.add(new Parsed(file));
                    problems.addAll(file.problems());
                } else {
                    sources.add(new Live(LookupTables.open(spec, base)));
                }
            } catch (IOException | TableException e) {
                problems.add(new AliasProblem(spec, 0, "open database " + spec + ": " + e.getMessage()));
            }
        }
        return new AliasTables(specs, List.copyOf(sources), List.copyOf(problems), origin, base);
    }

    static AliasFile readFile(String spec, String name, String origin, Path base) throws IOException {
        Path path = Path.of(name);
        return AliasFile.read(name, path.isAbsolute() ? path : base.resolve(path), origin, base);
    }

    String specs() {
        return specs;
    }

    String origin() {
        return origin;
    }

    List<AliasProblem> problems() {
        return problems;
    }

    /**
     * The destinations of one alias name, includes read now.
     *
     * @throws UncheckedIOException when a live table or an include file cannot be read
     */
    Optional<List<Destination>> lookup(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Source source : sources) {
            List<AliasValues.Item> items = items(source, key);
            if (items != null) {
                List<Destination> out = new ArrayList<>();
                for (AliasValues.Item item : items) {
                    out.add(IncludeFile.resolve(item, origin, base, 0));
                }
                return Optional.of(List.copyOf(out));
            }
        }
        return Optional.empty();
    }

    private List<AliasValues.Item> items(Source source, String key) {
        if (source instanceof Parsed parsed) {
            AliasFile.Entry entry = parsed.file().entries().get(key);
            return entry == null ? null : entry.items();
        }
        LookupTable table = ((Live) source).table();
        try {
            Optional<String> value = table.lookup(key);
            if (value.isEmpty()) {
                return null;
            }
            return AliasValues.parse(value.get(), origin, base);
        } catch (TableException e) {
            throw new UncheckedIOException(new IOException(table.spec() + " lookup failure: " + e.getMessage(), e));
        } catch (AliasValues.SyntaxError e) {
            throw new UncheckedIOException(new IOException(table.spec() + ": " + key + ": " + e.getMessage()));
        }
    }

    /** For tests: the parse of a text as one aliases file. */
    static AliasTables ofText(String text, String origin, Path base) throws IOException {
        AliasFile file = AliasFile.parse("test", new BufferedReader(new StringReader(text)), origin, base);
        return new AliasTables("test", List.of(new Parsed(file)), file.problems(), origin, base);
    }
}
