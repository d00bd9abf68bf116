package io.tegami.imap.fetch;

import java.util.List;

/**
 * A parsed FETCH: the items in the order asked, and the RFC 7162 modifiers.
 *
 * @param items the data items, macros expanded
 * @param changedSince {@code CHANGEDSINCE} mod-sequence, or -1
 * @param vanished {@code VANISHED} (QRESYNC, UID FETCH only)
 */
public record FetchRequest(List<FetchItem> items, long changedSince, boolean vanished) {

    public FetchRequest {
        items = List.copyOf(items);
    }

    /** Whether {@code attribute} is asked for. */
    public boolean has(FetchItem.Attribute attribute) {
        return items.contains(new FetchItem.Simple(attribute));
    }

    /** Whether any item sets {@code \Seen} when fetched. */
    public boolean setsSeen() {
        return items.stream().anyMatch(i -> i instanceof FetchItem.Section s && !s.peek());
    }

    /** Whether any item needs the message's content or structure. */
    public boolean needsContent() {
        return items.stream().anyMatch(i -> i instanceof FetchItem.Section
                || i.equals(new FetchItem.Simple(FetchItem.Attribute.ENVELOPE))
                || i.equals(new FetchItem.Simple(FetchItem.Attribute.BODY))
                || i.equals(new FetchItem.Simple(FetchItem.Attribute.BODYSTRUCTURE)));
    }
}
