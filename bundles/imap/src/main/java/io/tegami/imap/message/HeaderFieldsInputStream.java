package io.tegami.imap.message;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Streams the fields of a header that HEADER.FIELDS (or .NOT) selects, byte for byte with their
 * folding, then the empty line that ends the header. Stops at the header's empty line or at the
 * end of the input. Where the stored header has no empty line (a message that is all header, a
 * header cut by a boundary), Dovecot adds the empty line and a missing last CRLF only for the
 * message's own HEADER.FIELDS (it answers those from its cache) and adds nothing otherwise; so
 * does this, as told by {@code complete}. Works on arbitrarily long lines.
 */
final class HeaderFieldsInputStream extends FilterInputStream {

    private static final int MAX_NAME = 1000;

    private enum State { LINE_START, CR_AT_START, NAME, COPY, SKIP, DONE }

    private final Set<String> names;
    private final boolean include;
    private final boolean complete;
    private final long headerSize;
    private long consumed;
    private State state = State.LINE_START;
    private boolean keep;
    private final byte[] name = new byte[MAX_NAME + 2];
    private int nameLength;
    private byte[] pending = new byte[MAX_NAME + 4];
    private int pendingPos;
    private int pendingLength;
    private int lastOut = '\n';

    /**
     * @param header the header, from its first byte (CRLF form)
     * @param lowerCaseNames the field names, in lower case
     * @param include true for HEADER.FIELDS, false for HEADER.FIELDS.NOT
     * @param complete whether to add the empty line (and a missing CRLF) to a header without one
     * @param headerSize where the header ends in {@code header}, which may go on for an empty
     *        line that a boundary took from the header (that one still counts), or -1 to read
     *        up to the empty line
     */
    HeaderFieldsInputStream(InputStream header, Set<String> lowerCaseNames, boolean include, boolean complete,
            long headerSize) {
        super(header);
        this.headerSize = headerSize;
        this.names = lowerCaseNames;
        this.include = include;
        this.complete = complete;
        this.keep = !include; // a continuation line before any field belongs to a nameless field
    }

    @Override
    public int read() throws IOException {
        while (true) {
            if (pendingPos < pendingLength) {
                return emit(pending[pendingPos++] & 0xff);
            }
            if (state == State.DONE) {
                return -1;
            }
            if (headerSize >= 0 && consumed >= headerSize) {
                finish(state == State.LINE_START && emptyLineFollows());
                continue;
            }
            int b = in.read();
            if (b < 0) {
                finish(false);
                continue;
            }
            consumed++;
            switch (state) {
                case LINE_START -> {
                    if (b == '\n') {
                        finish(true);
                    } else if (b == '\r') {
                        state = State.CR_AT_START;
                    } else if (b == ' ' || b == '\t') {
                        state = keep ? State.COPY : State.SKIP;
                        if (keep) {
                            return emit(b);
                        }
                    } else {
                        nameLength = 0;
                        name[nameLength++] = (byte) b;
                        state = State.NAME;
                    }
                }
                case CR_AT_START -> {
                    if (b == '\n') {
                        finish(true);
                    } else {
                        nameLength = 0;
                        name[nameLength++] = '\r';
                        name[nameLength++] = (byte) b;
                        state = State.NAME;
                        if (b == ':') {
                            decide(nameLength - 1);
                        }
                    }
                }
                case NAME -> {
                    name[nameLength++] = (byte) b;
                    if (b == ':') {
                        decide(nameLength - 1);
                    } else if (b == '\n') {
                        decide(nameLength); // a line without a colon is a field of that name
                        state = State.LINE_START;
                    } else if (nameLength >= MAX_NAME) {
                        decide(nameLength);
                    }
                }
                case COPY -> {
                    if (b == '\n') {
                        state = State.LINE_START;
                    }
                    return emit(b);
                }
                case SKIP -> {
                    if (b == '\n') {
                        state = State.LINE_START;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Decides whether the field whose name is in {@code name[0, end)} is kept, and queues its start. */
    private void decide(int end) {
        String n = new String(name, 0, end, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
        keep = names.contains(n) == include;
        if (keep) {
            queue(name, nameLength);
        }
        if (state == State.NAME) {
            state = keep ? State.COPY : State.SKIP;
        }
    }

    /** Whether the octets after the header are an empty line. */
    private boolean emptyLineFollows() throws IOException {
        int b = in.read();
        return b == '\n' || (b == '\r' && in.read() == '\n');
    }

    /** @param emptyLine whether the header's empty line ended it (rather than the end of input) */
    private void finish(boolean emptyLine) {
        int n = 0;
        byte[] tail = new byte[4];
        if (state == State.NAME) {
            decide(nameLength); // the input ended inside a name: a field without a colon
        }
        if (complete && keep && lastOutAfterQueue() != '\n' && state != State.LINE_START
                && state != State.CR_AT_START) {
            tail[n++] = '\r';
            tail[n++] = '\n';
        }
        if (complete || emptyLine) {
            tail[n++] = '\r';
            tail[n++] = '\n';
        }
        appendPending(tail, n);
        state = State.DONE;
    }

    private int lastOutAfterQueue() {
        return pendingPos < pendingLength ? pending[pendingLength - 1] & 0xff : lastOut;
    }

    private void queue(byte[] b, int len) {
        pendingPos = 0;
        pendingLength = 0;
        appendPending(b, len);
    }

    private void appendPending(byte[] b, int len) {
        if (pendingLength + len > pending.length) {
            byte[] bigger = new byte[pendingLength + len];
            System.arraycopy(pending, 0, bigger, 0, pendingLength);
            pending = bigger;
        }
        System.arraycopy(b, 0, pending, pendingLength, len);
        pendingLength += len;
    }

    private int emit(int b) {
        lastOut = b;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            int c = read();
            if (c < 0) {
                break;
            }
            b[off + n++] = (byte) c;
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public long skip(long n) throws IOException {
        long done = 0;
        while (done < n && read() >= 0) {
            done++;
        }
        return done;
    }

    @Override
    public int available() {
        return pendingLength - pendingPos;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
