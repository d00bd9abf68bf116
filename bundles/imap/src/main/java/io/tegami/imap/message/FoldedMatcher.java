package io.tegami.imap.message;

/**
 * Finds a folded needle in text that arrives in chunks, keeping only the last needle-length
 * characters between chunks, so that a body of any size is searched in bounded memory.
 */
final class FoldedMatcher {

    private final String needle;
    private String carry = "";
    private boolean found;

    /** @param foldedNeedle the needle, already {@link TextFolding#fold folded} */
    FoldedMatcher(String foldedNeedle) {
        this.needle = foldedNeedle;
        this.found = foldedNeedle.isEmpty();
    }

    /** Feeds the next chunk of a text; returns true once the needle was seen. */
    boolean feed(CharSequence chunk) {
        if (found) {
            return true;
        }
        String text = carry + TextFolding.fold(chunk);
        if (text.contains(needle)) {
            found = true;
            return true;
        }
        int keep = Math.min(text.length(), needle.length() - 1);
        carry = text.substring(text.length() - keep);
        return false;
    }

    /** Ends one text: the next chunk does not continue it. */
    void reset() {
        carry = "";
    }

    boolean found() {
        return found;
    }
}
