package io.tegami.store.mbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a message arriving for delivery or APPEND into an mbox: drops from its header every
 * metadata header ({@link MboxHeaders#hidden}, which a sender could use to fake UIDs or flags;
 * Dovecot's LDA does the same) and any From_ line, puts the store's own metadata headers before
 * the empty line that ends the header, and passes the body through mboxrd quoting. CRLF becomes
 * LF throughout. Streams: only a header name is ever held while it is being decided.
 */
final class HeaderFilterOutputStream extends OutputStream {

    private static final int MAX_NAME = 256;

    private final OutputStream out;
    private final byte[] metadata;
    private QuotingOutputStream body;
    private boolean pendingCr;
    private boolean atLineStart = true;
    private boolean deciding;
    private boolean fieldKept = true;
    private boolean lineKept = true;
    private final byte[] name = new byte[MAX_NAME];
    private int nameLen;

    /**
     * @param out where the stored form goes
     * @param metadata the metadata header lines to insert, each ending in LF
     */
    HeaderFilterOutputStream(OutputStream out, String metadata) {
        this.out = out;
        this.metadata = metadata.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void write(int b) throws IOException {
        if (body != null) {
            body.write(b);
            return;
        }
        b &= 0xff;
        if (pendingCr) {
            pendingCr = false;
            if (b != '\n') {
                header('\r');
            }
        }
        if (b == '\r') {
            pendingCr = true;
            return;
        }
        header(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int i = off;
        int end = off + len;
        while (i < end && body == null) {
            write(b[i++]);
        }
        if (i < end) {
            body.write(b, i, end - i);
        }
    }

    private void header(int b) throws IOException {
        if (atLineStart) {
            atLineStart = false;
            if (b == '\n') { // the empty line: the header ends here
                endHeader();
                return;
            }
            if (b == ' ' || b == '\t') { // a continuation belongs to the field before it
                lineKept = fieldKept;
                deciding = false;
            } else {
                deciding = true;
                nameLen = 0;
            }
        }
        if (deciding) {
            decide(b);
            return;
        }
        if (lineKept) {
            out.write(b);
        }
        if (b == '\n') {
            atLineStart = true;
        }
    }

    private void decide(int b) throws IOException {
        if (b == ':') {
            String n = new String(name, 0, nameLen, StandardCharsets.ISO_8859_1).strip();
            keep(!MboxHeaders.hidden(n));
            if (lineKept) {
                out.write(b);
            }
        } else if (b == ' ' && nameLen == 4 && new String(name, 0, 4, StandardCharsets.ISO_8859_1).equals("From")) {
            keep(false); // a From_ line inside the header: no legitimate reason, dropped (as Dovecot)
        } else if (b == '\n') {
            keep(true); // a line without a colon: not ours to judge
            out.write(b);
            atLineStart = true;
        } else if (nameLen == MAX_NAME) {
            keep(true); // far too long for a metadata header name
            out.write(b);
        } else {
            name[nameLen++] = (byte) b;
        }
    }

    /** Ends the decision on the current field, writing what was held if it is kept. */
    private void keep(boolean kept) throws IOException {
        deciding = false;
        fieldKept = kept;
        lineKept = kept;
        if (kept) {
            out.write(name, 0, nameLen);
        }
        nameLen = 0;
    }

    private void endHeader() throws IOException {
        out.write(metadata);
        out.write('\n');
        body = new QuotingOutputStream(out);
    }

    /**
     * Ends the content: a header without an empty line gets one (after the metadata), a final CR
     * is written out.
     */
    void finishContent() throws IOException {
        if (body == null) {
            if (pendingCr) {
                pendingCr = false;
                header('\r');
            }
            if (deciding) {
                keep(true);
            }
            if (!atLineStart && lineKept) {
                out.write('\n');
            }
            endHeader();
        }
        body.finishContent();
    }

    /** True if what was written ends with LF (call after {@link #finishContent}). */
    boolean endsWithNewline() {
        return body.endsWithNewline();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
