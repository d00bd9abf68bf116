package io.tegami.imap.message;

/**
 * Assembles physical header lines into fields (RFC 5322 2.2.3: a line starting with SP or HTAB
 * continues the previous field). A line without a colon becomes a field with an empty value, as
 * Dovecot treats it; values are kept up to a cap, with the CRLFs of folding.
 */
final class HeaderFieldCollector {

    /** Receives each complete field. */
    interface Sink {
        /**
         * @param name the field name as written, trimmed
         * @param value the value from after the colon (leading blanks skipped), folding kept
         */
        void field(String name, String value);
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private final Sink sink;
    private final int maxValue;
    private String name;
    private byte[] value = new byte[256];
    private int valueLength;
    private boolean truncated;

    HeaderFieldCollector(Sink sink, int maxValue) {
        this.sink = sink;
        this.maxValue = maxValue;
    }

    /**
     * Adds one physical line.
     *
     * @param line the kept bytes of the line
     * @param length how many of them to use
     * @param eol the line ending's length, if it was kept within {@code length}
     */
    void line(byte[] line, int length, int eol) {
        int end = Math.max(0, length - eol);
        if (end > 0 && (line[0] == ' ' || line[0] == '\t') && name != null) {
            append(CRLF, 0, 2);
            append(line, 0, end);
            return;
        }
        flush();
        int colon = -1;
        for (int i = 0; i < end; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            name = HeaderText.decode(line, 0, end).strip();
            return;
        }
        name = HeaderText.decode(line, 0, colon).strip();
        int start = colon + 1;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        append(line, start, end - start);
    }

    /** Ends the header: delivers the last field. */
    void finish() {
        flush();
    }

    private void append(byte[] b, int off, int len) {
        if (truncated) {
            return;
        }
        int room = maxValue - valueLength;
        if (len > room) {
            len = room;
            truncated = true;
        }
        if (valueLength + len > value.length) {
            byte[] bigger = new byte[Math.min(maxValue, Math.max(value.length * 2, valueLength + len))];
            System.arraycopy(value, 0, bigger, 0, valueLength);
            value = bigger;
        }
        System.arraycopy(b, off, value, valueLength, len);
        valueLength += len;
    }

    private void flush() {
        if (name != null) {
            sink.field(name, HeaderText.decode(value, 0, valueLength));
        }
        name = null;
        valueLength = 0;
        truncated = false;
    }
}
