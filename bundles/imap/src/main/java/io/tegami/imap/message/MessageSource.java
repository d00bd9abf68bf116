package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a stored message from its first byte, as often as asked: the parsed structure keeps
 * offsets, never content, so every section read opens the message again. Streams with LF or CRLF
 * line endings are both fine ({@link CrlfInputStream} makes them CRLF). The caller closes each
 * stream it gets.
 */
@FunctionalInterface
public interface MessageSource {

    /** A fresh stream over the whole message. */
    InputStream open() throws IOException;

    /**
     * A fresh stream that starts with the message's header and goes on at least to the empty line
     * ending it (what follows is unspecified: readers stop there). A store may serve it from a
     * cache of header sections; by default it is {@link #open()}.
     */
    default InputStream openHeader() throws IOException {
        return open();
    }

    /**
     * A value derived from the message and kept with its store ({@code Mailbox.cachedValue}), or
     * null; by default none is kept.
     */
    default byte[] cached(String field) throws IOException {
        return null;
    }

    /** Offers a value derived from the message to its store's cache; by default it is dropped. */
    default void keep(String field, byte[] value) {
    }

    /** A source whose {@link #openHeader()} is {@code header} and {@link #open()} is {@code whole}. */
    static MessageSource of(MessageSource whole, MessageSource header) {
        return of(whole, header, null);
    }

    /** As {@link #of(MessageSource, MessageSource)}, with {@code cache} for derived values (or null). */
    static MessageSource of(MessageSource whole, MessageSource header, ValueCache cache) {
        return new MessageSource() {
            @Override
            public InputStream open() throws IOException {
                return whole.open();
            }

            @Override
            public InputStream openHeader() throws IOException {
                return header.open();
            }

            @Override
            public byte[] cached(String field) throws IOException {
                return cache == null ? null : cache.cached(field);
            }

            @Override
            public void keep(String field, byte[] value) {
                if (cache != null) {
                    cache.keep(field, value);
                }
            }
        };
    }

    /** Where a source keeps derived values: one message's slice of its store's cache. */
    interface ValueCache {
        byte[] cached(String field) throws IOException;

        void keep(String field, byte[] value);
    }
}
