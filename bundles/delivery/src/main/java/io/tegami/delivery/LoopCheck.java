package io.tegami.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.tegami.api.queue.QueuedMessage;

/**
 * local(8)'s forwarding loop test: a message whose header already has a {@code Delivered-To:}
 * line for the recipient has been here before (a forward came back) and is bounced with
 * "mail forwarding loop for ...". Only the header is read.
 *
 * <p>The header is scanned as bytes, lines ending at LF, CR or CRLF as a reader's would; only a
 * {@code Delivered-To:} line is decoded (UTF-8). A decoding reader with its buffers for every
 * recipient showed in delivery profiles.
 */
final class LoopCheck {

    private static final byte[] NAME = "delivered-to:".getBytes(StandardCharsets.US_ASCII);

    private LoopCheck() {
    }

    static boolean deliveredBefore(QueuedMessage message, String recipient) throws IOException {
        String wanted = recipient.toLowerCase(Locale.ROOT);
        try (InputStream in = message.openContent()) {
            return new Scan(in).find(wanted);
        }
    }

    /** One pass over the header, a buffer at a time. */
    private static final class Scan {
        private final InputStream in;
        private final byte[] buffer = new byte[4096];
        private int pos;
        private int limit;
        /** The current line, kept only while it may still be a Delivered-To: line. */
        private byte[] line = new byte[256];
        private int length;

        Scan(InputStream in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[pos++] & 0xff;
        }

        boolean find(String wanted) throws IOException {
            boolean afterCr = false;
            boolean candidate = true;
            int lineBytes = 0;
            int b;
            while ((b = read()) != -1) {
                if (b == '\n' && afterCr) {
                    afterCr = false; // the LF of a CRLF: that line has ended already
                    continue;
                }
                afterCr = b == '\r';
                if (b == '\n' || b == '\r') {
                    if (lineBytes == 0) {
                        return false; // the empty line: end of the header
                    }
                    if (candidate && length >= NAME.length && matches(wanted)) {
                        return true;
                    }
                    candidate = true;
                    lineBytes = 0;
                    length = 0;
                    continue;
                }
                lineBytes++;
                if (!candidate) {
                    continue;
                }
                if (length < NAME.length && Character.toLowerCase(b) != NAME[length]) {
                    candidate = false;
                    continue;
                }
                if (length == line.length) {
                    line = java.util.Arrays.copyOf(line, length * 2);
                }
                line[length++] = (byte) b;
            }
            return lineBytes > 0 && candidate && length >= NAME.length && matches(wanted);
        }

        private boolean matches(String wanted) {
            String value = new String(line, NAME.length, length - NAME.length, StandardCharsets.UTF_8);
            return value.strip().toLowerCase(Locale.ROOT).equals(wanted);
        }
    }
}
