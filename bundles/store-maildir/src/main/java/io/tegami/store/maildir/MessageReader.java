package io.tegami.store.maildir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

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

    void cacheValue(long uid, String field, byte[] value) throws StoreException {
        Entry e = box.locked("caching for UID " + uid, () -> state.initialized() ? state.entry(uid) : null);
        if (e != null) {
            state.headers.keep(e.file().base(), field, value);
        }
    }

    /** The entry of {@code uid}, syncing once if it is not known yet. */
    private Entry find(long uid) throws StoreException {
        Entry e = box.locked("reading UID " + uid, () -> {
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
