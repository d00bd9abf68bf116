package io.tegami.sieve;

import io.tegami.api.sieve.SieveMessage;
import io.tegami.api.sieve.SieveResult.HeaderEdit;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The message as editheader leaves it: fields added at the top or the end, original fields
 * deleted by occurrence. The body and the original are untouched; the edits go to the result.
 */
final class EditedMessage implements SieveMessage {

    /** One visible field of a name: an added one, or the n-th original (1-based). */
    record Field(String value, Added added, int occurrence) {
    }

    /** A field added by addheader. */
    static final class Added {
        final String name;
        final String value;
        final boolean last;

        Added(String name, String value, boolean last) {
            this.name = name;
            this.value = value;
            this.last = last;
        }
    }

    private final SieveMessage original;
    /** Additions in script order; deleted ones are removed. */
    private final List<Added> added = new ArrayList<>();
    private final Map<String, Set<Integer>> deleted = new HashMap<>();
    private final List<HeaderEdit> deletions = new ArrayList<>();

    EditedMessage(SieveMessage original) {
        this.original = original;
    }

    /** The visible fields of a name, top to bottom. */
    List<Field> fields(String name) throws IOException {
        List<Field> out = new ArrayList<>();
        for (int i = added.size() - 1; i >= 0; i--) {
            Added a = added.get(i);
            if (!a.last && a.name.equalsIgnoreCase(name)) {
                out.add(new Field(a.value, a, 0));
            }
        }
        List<String> values = original.header(name);
        Set<Integer> gone = deleted.getOrDefault(key(name), Set.of());
        for (int i = 0; i < values.size(); i++) {
            if (!gone.contains(i + 1)) {
                out.add(new Field(values.get(i), null, i + 1));
            }
        }
        for (Added a : added) {
            if (a.last && a.name.equalsIgnoreCase(name)) {
                out.add(new Field(a.value, a, 0));
            }
        }
        return out;
    }

    void add(String name, String value, boolean last) {
        added.add(new Added(name, value, last));
    }

    void delete(String name, Field field) {
        if (field.added() != null) {
            added.remove(field.added());
        } else if (deleted.computeIfAbsent(key(name), k -> new HashSet<>()).add(field.occurrence())) {
            deletions.add(new HeaderEdit(HeaderEdit.Kind.DELETE, name, null, field.occurrence()));
        }
    }

    List<HeaderEdit> edits() {
        List<HeaderEdit> out = new ArrayList<>(deletions);
        for (Added a : added) {
            out.add(new HeaderEdit(a.last ? HeaderEdit.Kind.APPEND : HeaderEdit.Kind.PREPEND, a.name, a.value, 0));
        }
        return out;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<String> header(String name) throws IOException {
        return fields(name).stream().map(Field::value).toList();
    }

    @Override
    public long size() throws IOException {
        return original.size();
    }

    @Override
    public InputStream body() throws IOException {
        return original.body();
    }
}
