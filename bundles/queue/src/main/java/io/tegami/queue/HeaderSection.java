package io.tegami.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies the header section of a message (everything before the first empty line), streaming.
 * Used for the {@code text/rfc822-headers} part of a DSN, so a large message is never loaded.
 */
final class HeaderSection {

    private HeaderSection() {
    }

    /**
     * Copies header lines from {@code in} to {@code out}, stopping at the empty line that ends the
     * header or at the end of input. The output always ends with a line break.
     *
     * @return the number of bytes copied
     */
    static long copy(InputStream in, OutputStream out) throws IOException {
        long copied = 0;
        boolean atLineStart = true;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\r') {
                continue; // spool content uses LF; tolerate a stray CR by dropping it
            }
            if (b == '\n' && atLineStart) {
                break; // empty line: end of header
            }
            out.write(b);
            copied++;
            atLineStart = b == '\n';
        }
        if (copied > 0 && !atLineStart) {
            out.write('\n');
            copied++;
        }
        return copied;
    }
}
