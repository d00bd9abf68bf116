package io.tegami.store.maildir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A mailbox's keyword letters as {@code dovecot-keywords} defines them: slot 0 is letter 'a',
 * slot 25 letter 'z'. Names match without case, as in Dovecot.
 */
final class KeywordTable {

    static final int SLOTS = 26;
    static final KeywordTable EMPTY = new KeywordTable(new String[SLOTS]);

    private final String[] names;

    KeywordTable(String[] names) {
        this.names = Arrays.copyOf(names, SLOTS);
    }

    /** The keyword of a letter, or null if the letter has no name. */
    String name(char letter) {
        return letter >= 'a' && letter <= 'z' ? names[letter - 'a'] : null;
    }

    /** The letter of a keyword, or 0 if it has none yet. */
    char letter(String keyword) {
        for (int i = 0; i < SLOTS; i++) {
            if (names[i] != null && names[i].toLowerCase(Locale.ROOT).equals(keyword.toLowerCase(Locale.ROOT))) {
                return (char) ('a' + i);
            }
        }
        return 0;
    }

    /** A table with {@code keyword} in the first free slot; this table if none is free. */
    KeywordTable with(String keyword) {
        for (int i = 0; i < SLOTS; i++) {
            if (names[i] == null) {
                String[] copy = names.clone();
                copy[i] = keyword;
                return new KeywordTable(copy);
            }
        }
        return this;
    }

    /** The defined keywords in slot order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /** The file content: {@code <index> <name>} lines. */
    String format() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < SLOTS; i++) {
            if (names[i] != null) {
                out.append(i).append(' ').append(names[i]).append('\n');
            }
        }
        return out.toString();
    }

    /** Parses the file content, skipping lines Dovecot would skip. */
    static KeywordTable parse(String text) {
        String[] names = new String[SLOTS];
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1) {
                continue;
            }
            try {
                int idx = Integer.parseInt(line.substring(0, space));
                if (idx >= 0 && idx < SLOTS) {
                    names[idx] = line.substring(space + 1);
                }
            } catch (NumberFormatException e) {
                // not a keyword line
            }
        }
        return new KeywordTable(names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeywordTable t && Arrays.equals(names, t.names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names);
    }
}
