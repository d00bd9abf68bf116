package io.tegami.imap.fetch;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.StoreException;

/**
 * The values a store keeps for a run of messages ({@code Mailbox.cachedValues}), fetched once per
 * field for the whole run on first use: a {@code FETCH 1:* (ENVELOPE)} or {@code SEARCH SUBJECT}
 * of a thousand messages then costs the store one lookup, under its folder lock once, rather than
 * a thousand (JFR showed those per-message lookups as the largest part of a warm FETCH).
 * Values kept during the run are not seen by it; the next command finds them. Not thread-safe:
 * one command's.
 */
public final class CachedValues {

    private final Mailbox mailbox;
    private final List<Long> uids;
    private final Map<String, List<byte[]>> loaded = new HashMap<>(4);

    /** @param uids the messages of the run, in the order {@link #get} indexes them */
    public CachedValues(Mailbox mailbox, List<Long> uids) {
        this.mailbox = mailbox;
        this.uids = uids;
    }

    /**
     * The value kept for {@code field} of the {@code index}-th message of the run, or null (none
     * kept, or the message is gone: reading its content then tells which).
     */
    public byte[] get(int index, String field) throws IOException {
        List<byte[]> values = loaded.get(field);
        if (values == null) {
            try {
                values = mailbox.cachedValues(uids, field);
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (values.size() != uids.size()) {
                throw new IOException("the store gave " + values.size() + " values for " + uids.size() + " messages");
            }
            loaded.put(field, values);
        }
        return values.get(index);
    }
}
