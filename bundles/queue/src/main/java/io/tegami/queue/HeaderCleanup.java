package io.tegami.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a message's content goes through on its way into the queue file: it collects the
 * primary header one field at a time (a field and its continuation lines), hands each complete
 * field to a {@link Fields} handler, lets it add what is missing where the header ends, and then
 * passes the body through untouched, byte for byte, without buffering it.
 *
 * <p>The header ends at the first empty line, or, as in Postfix's MIME state machine, at the first
 * line that is neither a header nor a continuation: an empty line is then inserted before it so
 * that the body stays body. A field keeps at most {@code header_size_limit} bytes; what is beyond
 * is discarded, as Postfix does, so memory stays bounded however long a header is.
 */
final class HeaderCleanup extends OutputStream {

    /** Receives the primary header, field by field. */
    interface Fields {

        /** One complete field: its lines joined with LF, without the final LF. Writes what to keep. */
        void field(byte[] field, int length, OutputStream out) throws IOException;

        /** The header ends: write the fields to add. The empty line after them is written by the caller. */
        void end(OutputStream out) throws IOException;
    }

    private final OutputStream out;
    private final Fields fields;
    private final int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final ByteArrayOutputStream field = new ByteArrayOutputStream(256);
    private boolean inField;
    private boolean body;

    /**
     * @param out the queue file's content stream
     * @param limit {@code header_size_limit}: the most bytes kept of one header field
     */
    HeaderCleanup(OutputStream out, Fields fields, int limit) {
        this.out = out;
        this.fields = fields;
        this.limit = Math.max(limit, 1);
    }

    @Override
    public void write(int b) throws IOException {
        if (body) {
            out.write(b);
        } else if (b == '\n') {
            endOfLine();
        } else if (line.size() <= limit) {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end && !body) {
            int lf = i;
            while (lf < end && b[lf] != '\n') {
                lf++;
            }
            int room = Math.max(0, limit + 1 - line.size());
            line.write(b, i, Math.min(room, lf - i));
            if (lf == end) {
                return; // the line goes on in the next write
            }
            endOfLine();
            i = lf + 1;
        }
        if (i < end) {
            out.write(b, i, end - i);
        }
    }

    private void endOfLine() throws IOException {
        byte[] l = line.toByteArray();
        int length = l.length > 0 && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
        line.reset();
        if (length == 0) {
            endOfHeader();
        } else if ((l[0] == ' ' || l[0] == '\t') && inField) {
            if (field.size() < limit) {
                field.write('\n');
                field.write(l, 0, Math.min(l.length, limit));
            }
        } else if (HeaderKinds.nameLength(l, length) > 0) {
            flushField();
            field.write(l, 0, Math.min(l.length, limit));
            inField = true;
        } else {
            endOfHeader(); // not a header: the body starts here, after an inserted empty line
            out.write(l);
            out.write('\n');
        }
    }

    private void endOfHeader() throws IOException {
        flushField();
        fields.end(out);
        out.write('\n');
        body = true;
    }

    private void flushField() throws IOException {
        if (inField) {
            fields.field(field.toByteArray(), field.size(), out);
            field.reset();
            inField = false;
        }
    }

    /**
     * The content is complete: a header without a body still gets its missing fields (and no
     * empty line, as Postfix adds none when the input ends in the header).
     */
    void finish() throws IOException {
        if (!body) {
            if (line.size() > 0) {
                endOfLine();
            }
            if (!body) {
                flushField();
                fields.end(out);
                body = true;
            }
        }
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** The queue file's writer owns the stream below; closing this one only flushes. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
