package io.tegami.store.maildir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tegami.api.store.CrlfInputStream;
import io.tegami.api.store.StoreException;

/**
 * Reads one handle's messages: whole files as CRLF streams, header sections and derived values
 * from the folder's {@link HeaderCache}. Only the UID lookup takes the folder lock; reading a
 * file does not (once open it stays readable even if another session expunges it).
 */
final class MessageReader {

    private static final int RETRIES = 3;

    private final MaildirMailbox box;
    private final FolderState state;

    MessageReader(MaildirMailbox box, FolderState state) {
        this.box = box;
        this.state = state;
    }

    InputStream openMessage(long uid) throws StoreException {
        for (int attempt = 1; ; attempt++) {
            Entry e = find(uid);
            try {
                // CrlfInputStream buffers: no BufferedInputStream (and its 64 KiB) per message.
                return new CrlfInputStream(Files.newInputStream(e.file().path(state.maildir)));
            } catch (NoSuchFileException ex) {
                if (attempt == RETRIES) {
                    throw box.notFound(uid);
                }
                box.locked("reading UID " + uid, box::sync); // renamed (flags) by another program: look again
            } catch (IOException ex) {
                throw FsSupport.failure(box.name() + ": reading UID " + uid, ex);
            }
        }
    }

    /** The header section from the cache, read from the file (and kept) on a miss. */
    InputStream openHeader(long uid) throws StoreException {
        Entry e = find(uid);
        byte[] header = state.headers.get(e.file().base());
        if (header == null) {
            try {
                header = state.headers.load(e.file().base(), e.file().path(state.maildir));
            } catch (NoSuchFileException ex) {
                return openMessage(uid); // renamed or expunged meanwhile: that path looks again
            } catch (IOException ex) {
                throw FsSupport.failure(box.name() + ": reading UID " + uid, ex);
            }
        }
        return header == null ? openMessage(uid) : new ByteArrayInputStream(header);
    }

    byte[] cachedValue(long uid, String field) throws StoreException {
        return state.headers.value(find(uid).file().base(), field);
    }

    /** {@link #cachedValue} for each of {@code uids}: the folder lock once for all, not per message. */
    List<byte[]> cachedValues(List<Long> uids, String field) throws StoreException {
        String[] bases = box.locked("reading cached values", () -> {
            String[] found = new String[uids.size()];
            if (!state.initialized() || joinAscending(uids, found)) {
                box.sync(); // some not known yet: look once, as find() does
                for (int i = 0; i < found.length; i++) {
                    Entry e = found[i] == null ? state.entry(uids.get(i)) : null;
                    if (e != null) {
                        found[i] = e.file().base();
                    }
                }
            }
            return found;
        });
        Map<String, byte[]> byBase = state.headers.values(field);
        List<byte[]> out = new ArrayList<>(bases.length);
        for (String base : bases) {
            out.add(byBase == null || base == null ? null : byBase.get(base));
        }
        return out;
    }

    void cacheValue(long uid, String field, byte[] value) throws StoreException {
        Entry e = box.locked("caching for UID " + uid, () -> state.initialized() ? state.entry(uid) : null);
        if (e != null) {
            state.headers.keep(e.file().base(), field, value);
        }
    }

    /**
     * Fills {@code found} with the base names of {@code uids} by walking them beside the index's
     * entries, both in UID order (FETCH 1:* asks in that order): no tree lookup per message.
     * Falls back to lookups for UIDs out of order. The folder lock is held.
     *
     * @return whether some UID has no entry
     */
    private boolean joinAscending(List<Long> uids, String[] found) {
        List<Entry> entries = state.entriesSnapshot();
        boolean missing = false;
        int j = 0;
        long last = 0;
        for (int i = 0; i < found.length; i++) {
            long uid = uids.get(i);
            Entry e;
            if (uid > last) {
                while (j < entries.size() && entries.get(j).uid() < uid) {
                    j++;
                }
                e = j < entries.size() && entries.get(j).uid() == uid ? entries.get(j) : null;
                last = uid;
            } else {
                e = state.entry(uids.get(i));
            }
            if (e != null) {
                found[i] = e.file().base();
            } else {
                missing = true;
            }
        }
        return missing;
    }

    /** The entry of {@code uid}, syncing once if it is not known yet. */
    private Entry find(long uid) throws StoreException {
        // A constant description: this runs once per message of a FETCH, and only a failure shows it.
        Entry e = box.locked("reading a message", () -> {
            Entry known = state.initialized() ? state.entry(uid) : null;
            if (known == null) {
                box.sync();
                known = state.entry(uid);
            }
            return known;
        });
        if (e == null) {
            throw box.notFound(uid);
        }
        return e;
    }
}
