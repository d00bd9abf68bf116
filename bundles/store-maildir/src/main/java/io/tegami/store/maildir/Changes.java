package io.tegami.store.maildir;

import java.util.ArrayList;
import java.util.List;

/** Changes to a folder, to be passed to listeners: entries added, UIDs expunged, entries whose flags changed. */
record Changes(List<Entry> added, List<Long> expunged, List<Entry> flagsChanged) {

    static Changes none() {
        return new Changes(List.of(), List.of(), List.of());
    }

    static Changes added(List<Entry> entries) {
        return new Changes(entries, List.of(), List.of());
    }

    static Changes expunged(List<Long> uids) {
        return new Changes(List.of(), uids, List.of());
    }

    static Changes flags(List<Entry> entries) {
        return new Changes(List.of(), List.of(), entries);
    }

    boolean isEmpty() {
        return added.isEmpty() && expunged.isEmpty() && flagsChanged.isEmpty();
    }

    /** A mutable collector. */
    static final class Builder {
        final List<Entry> added = new ArrayList<>();
        final List<Long> expunged = new ArrayList<>();
        final List<Entry> flagsChanged = new ArrayList<>();

        Changes build() {
            return new Changes(List.copyOf(added), List.copyOf(expunged), List.copyOf(flagsChanged));
        }
    }
}
