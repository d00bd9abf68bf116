package io.tegami.imap.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.StoreException;
import io.tegami.imap.fetch.CachedValues;
import io.tegami.imap.message.MessageSource;
import io.tegami.imap.message.SearchKey;
import io.tegami.imap.search.SearchEngine;
import io.tegami.imap.session.ImapSession;
import io.tegami.imap.session.SelectedMailbox;

/** The messages of the selected mailbox a search key matches: what SEARCH, SORT and THREAD start from. */
final class Matches {

    private Matches() {
    }

    /** Sequence numbers of the matching messages, ascending. */
    static List<Integer> of(ImapSession session, SearchKey key) {
        SelectedMailbox selected = session.selected();
        SearchEngine.Matcher matcher = session.services().searchEngine().compile(key, selected.size(), selected.maxUid());
        List<Integer> found = new ArrayList<>();
        List<Long> uids = new ArrayList<>(selected.uids());
        CachedValues values = new CachedValues(selected.mailbox(), uids);
        for (int seq = 1; seq <= uids.size(); seq++) {
            long uid = uids.get(seq - 1);
            try {
                if (matcher.matches(seq, selected.info(uid), source(selected.mailbox(), uid, values, seq - 1))) {
                    found.add(seq);
                }
            } catch (IOException e) {
                // Expunged by another session meanwhile: it matches nothing.
            }
        }
        return found;
    }

    /** Opens message {@code uid} for the message package. */
    static MessageSource source(Mailbox mailbox, long uid) {
        return source(mailbox, uid, null, 0);
    }

    /**
     * As {@link #source(Mailbox, long)}, with the values the store keeps read from {@code values}
     * (looked up for all messages at once), where {@code uid} is at {@code index}; null: one by one.
     */
    static MessageSource source(Mailbox mailbox, long uid, CachedValues values, int index) {
        return MessageSource.of(() -> {
            try {
                return mailbox.openMessage(uid);
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
        }, () -> {
            try {
                return mailbox.openHeader(uid);
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
        }, new MessageSource.ValueCache() {
            @Override
            public byte[] cached(String field) throws IOException {
                if (values != null) {
                    return values.get(index, field);
                }
                try {
                    return mailbox.cachedValue(uid, field);
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public void keep(String field, byte[] value) {
                try {
                    mailbox.cacheValue(uid, field, value);
                } catch (StoreException e) {
                    // keeping it is an optimization only
                }
            }
        });
    }
}
