package io.tegami.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams message content (LF line endings, as the queue keeps it) to an SMTP DATA stream: every
 * line ending becomes CRLF, a line starting with {@code .} gets a second one (RFC 5321 section
 * 4.5.2), a last line without an ending gets one, and {@code .CRLF} ends the data. The content
 * passes through a fixed buffer; it is never held whole.
 */
final class DotStuffer {

    /** The content could not be read (the queue file, not the network). */
    static final class ContentException extends IOException {
        private static final long serialVersionUID = 1L;

        ContentException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final int CHUNK = 32 * 1024;

    private DotStuffer() {
    }

    /**
     * Copies {@code content} to {@code out} and ends the data with {@code .CRLF}; does not flush.
     *
     * @return the bytes of content read
     * @throws ContentException when reading {@code content} fails
     * @throws IOException when writing fails
     */
    static long copy(InputStream content, OutputStream out) throws IOException {
        byte[] in = new byte[CHUNK];
        byte[] buf = new byte[CHUNK * 3 + 8]; // worst case: every byte an LF (CRLF) or a dot after one
        boolean lineStart = true;
        boolean afterCr = false;
        long total = 0;
        while (true) {
            int n;
            try {
                n = content.read(in);
            } catch (IOException e) {
                throw new ContentException(e);
            }
            if (n < 0) {
                break;
            }
            total += n;
            int o = 0;
            for (int i = 0; i < n; i++) {
                byte b = in[i];
                if (b == '\n') {
                    if (!afterCr) {
                        buf[o++] = '\r';
                    }
                    buf[o++] = '\n';
                    lineStart = true;
                    afterCr = false;
                    continue;
                }
                if (lineStart && b == '.') {
                    buf[o++] = '.';
                }
                buf[o++] = b;
                lineStart = false;
                afterCr = b == '\r';
            }
            out.write(buf, 0, o);
        }
        if (!lineStart) {
            out.write(afterCr ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
        }
        out.write(new byte[] {'.', '\r', '\n'});
        return total;
    }
}
