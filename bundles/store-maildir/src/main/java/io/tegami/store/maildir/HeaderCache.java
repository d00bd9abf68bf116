package io.tegami.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.tegami.api.store.CrlfInputStream;

/**
 * The header sections of one folder's messages, CRLF, by Maildir base name, and the values
 * protocols derived from their content ({@code imap.envelope}...): what ENVELOPE,
 * SEARCH on header fields, SORT and THREAD read again and again (Dovecot keeps the same in
 * {@code dovecot.index.cache}). A base name always names the same content (a flag change only
 * renames the {@code :2,} suffix), so an entry never goes stale. In memory only, with the
 * folder's {@link FolderState}: headers over {@link #MAX_HEADER} octets are not kept, and once
 * the folder's headers pass {@link #MAX_TOTAL} octets the cache starts over, which bounds it
 * without bookkeeping per access. Thread-safe: readers need no folder lock.
 */
final class HeaderCache {

    /** The largest header section kept; bigger ones are read from the file each time. */
    static final int MAX_HEADER = 16 * 1024;
    /** The most octets of headers kept per folder. */
    static final long MAX_TOTAL = 16L * 1024 * 1024;

    private final ConcurrentHashMap<String, byte[]> headers = new ConcurrentHashMap<>();
    /**
     * Values protocols derived from the content (Mailbox.cacheValue), by field, then base name:
     * a lookup hashes the base name, whose hash the String keeps, instead of a key built per call.
     */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, byte[]>> values = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    /** The cached header section of the message with base name {@code base}, or null. */
    byte[] get(String base) {
        return headers.get(base);
    }

    /**
     * Reads the header section of {@code file} and keeps it; null if it is larger than
     * {@link #MAX_HEADER} (nothing is kept then).
     *
     * @throws java.nio.file.NoSuchFileException if the file was renamed or removed meanwhile
     */
    byte[] load(String base, Path file) throws IOException {
        byte[] header;
        try (InputStream in = new CrlfInputStream(Files.newInputStream(file))) {
            header = read(in);
        }
        if (header != null) {
            account(header.length);
            headers.put(base, header);
        }
        return header;
    }

    /** The value kept for {@code field} of the message with base name {@code base}, or null. */
    byte[] value(String base, String field) {
        Map<String, byte[]> byBase = values.get(field);
        return byBase == null ? null : byBase.get(base);
    }

    /** The values kept for {@code field}, by base name (read only), or null if there are none. */
    Map<String, byte[]> values(String field) {
        return values.get(field);
    }

    /** Keeps a value derived from the message's content (too large ones are not kept). */
    void keep(String base, String field, byte[] value) {
        if (value.length <= MAX_HEADER) {
            account(value.length);
            values.computeIfAbsent(field, f -> new ConcurrentHashMap<>()).put(base, value);
        }
    }

    /** Counts {@code n} more octets kept; past {@link #MAX_TOTAL} everything is dropped first. */
    private void account(int n) {
        if (total.addAndGet(n) > MAX_TOTAL) {
            headers.clear();
            values.clear();
            total.set(n);
        }
    }

    /** Forgets one message's header (an expunge). */
    void remove(String base) {
        byte[] old = headers.remove(base);
        if (old != null) {
            total.addAndGet(-old.length);
        }
        for (Map<String, byte[]> byBase : values.values()) {
            old = byBase.remove(base);
            if (old != null) {
                total.addAndGet(-old.length);
            }
        }
    }

    /**
     * The header section at the start of {@code in} (CRLF): the fields and the empty line after
     * them, or the whole stream if it has no empty line; null if that is over {@link #MAX_HEADER}.
     */
    static byte[] read(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        int n = 0;
        int scanned = 0;
        while (true) {
            int end = headerEnd(buf, n, scanned);
            if (end >= 0) {
                return Arrays.copyOf(buf, end);
            } else if (end == TOO_LARGE) {
                return null;
            }
            scanned = Math.max(0, n - 3);
            if (n == buf.length) {
                if (n >= MAX_HEADER + 4) {
                    return null;
                }
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_HEADER + 4));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return n > MAX_HEADER ? null : Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }

    private static final int TOO_LARGE = -2;

    /** The offset just past the empty line ending the header within {@code buf[0, n)}, -1, or {@link #TOO_LARGE}. */
    private static int headerEnd(byte[] buf, int n, int from) {
        if (n >= 2 && buf[0] == '\r' && buf[1] == '\n') {
            return 2; // no fields at all
        }
        for (int i = from; i + 3 < n; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                return i + 4 > MAX_HEADER ? TOO_LARGE : i + 4;
            }
        }
        return -1;
    }
}
