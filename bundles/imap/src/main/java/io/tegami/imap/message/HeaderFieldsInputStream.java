package io.tegami.imap.message;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Streams the fields of a header that HEADER.FIELDS (or .NOT) selects, byte for byte with their
 * folding, then the empty line that ends a header, as Dovecot's header filter does (it adds the
 * empty line, and a missing final CRLF, even where the stored header lacks them). Stops at the
 * header's empty line or at the end of the input. Works on arbitrarily long lines.
 */
final class HeaderFieldsInputStream extends FilterInputStream {

    private static final int MAX_NAME = 1000;

    private enum State { LINE_START, CR_AT_START, NAME, COPY, SKIP, DONE }

    private final Set<String> names;
    private final boolean include;
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
     */
    HeaderFieldsInputStream(InputStream header, Set<String> lowerCaseNames, boolean include) {
        super(header);
        this.names = lowerCaseNames;
        this.include = include;
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
            int b = in.read();
            if (b < 0) {
                finish();
                continue;
            }
            switch (state) {
                case LINE_START -> {
                    if (b == '\n') {
                        finish();
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
                        finish();
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

    private void finish() {
        int n = 0;
        byte[] tail = new byte[4];
        if (state == State.NAME) {
            decide(nameLength); // the input ended inside a name: a field without a colon
        }
        if (keep && lastOutAfterQueue() != '\n' && state != State.LINE_START && state != State.CR_AT_START) {
            tail[n++] = '\r';
            tail[n++] = '\n';
        }
        tail[n++] = '\r';
        tail[n++] = '\n';
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
