package io.tegami.imap.message;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a CRLF-form message line by line, tracking the offset and the number of LFs before each
 * line, and keeping only the first bytes of each line: lines may be arbitrarily long (base64
 * without breaks, binary), memory stays bounded.
 */
final class LineReader {

    private final InputStream in;
    /**
     * Read buffer: at most 8 KiB, since one is made per message opened (a FETCH of 1:* opens them
     * all), and no bigger than what the stream says it holds (a cached header section of 1 KiB).
     */
    private final byte[] buf;
    private int pos;
    private int limit;
    private long offset;
    private long lfCount;

    /** Offset of the current line's first byte. */
    long lineStart;
    /** Length of the current line including its line ending. */
    long lineLength;
    /** Length of the current line's ending: 2 (CRLF), 1 (LF) or 0 (last line without one). */
    int eol;
    /** LFs before the current line. */
    long linesBefore;
    /** The first {@link #headLength} bytes of the current line (line ending included if kept). */
    byte[] head;
    int headLength;
    /** Whether the current line contains a NUL byte. */
    boolean nul;

    private final int maxKeep;

    /** @param maxKeep the most bytes of a line {@link #next} may be asked to keep */
    LineReader(InputStream crlf, int maxKeep) {
        this.in = crlf;
        this.maxKeep = maxKeep;
        int hint;
        try {
            hint = crlf.available();
        } catch (IOException e) {
            hint = 0;
        }
        this.buf = new byte[hint > 0 && hint < 8192 ? Math.max(256, hint + 16) : 8192];
        this.head = new byte[Math.min(maxKeep, 512)]; // grows when a long line is to be kept
    }

    /** Whether the current line is to be read again by the next {@link #next}. */
    private boolean replay;

    /** The offset of the next unread byte: the end of the current line (its start after {@link #replay}). */
    long position() {
        return replay ? lineStart : offset;
    }

    /** LFs before the next unread byte. */
    long lfCount() {
        return replay ? linesBefore : lfCount;
    }

    /** Makes the next {@link #next} give the current line again (one line of look-ahead). */
    void replay() {
        replay = true;
    }

    /**
     * Reads the next line, keeping at most {@code keep} of its bytes in {@link #head}.
     *
     * @return false at the end of the message
     */
    boolean next(int keep) throws IOException {
        keep = Math.min(keep, maxKeep);
        if (replay) {
            replay = false;
            headLength = Math.min(headLength, keep);
            return true;
        }
        lineStart = offset;
        linesBefore = lfCount;
        lineLength = 0;
        headLength = 0;
        eol = 0;
        nul = false;
        int last = -1;
        while (true) {
            if (pos == limit && !fill()) {
                return lineLength > 0;
            }
            int i = pos;
            while (i < limit && buf[i] != '\n') {
                if (buf[i] == 0) {
                    nul = true;
                }
                i++;
            }
            boolean found = i < limit;
            int end = found ? i + 1 : limit;
            int n = end - pos;
            int copy = Math.min(n, keep - headLength);
            if (copy > 0) {
                if (headLength + copy > head.length) {
                    head = java.util.Arrays.copyOf(head, Math.min(maxKeep, Math.max(head.length * 2, headLength + copy)));
                }
                System.arraycopy(buf, pos, head, headLength, copy);
                headLength += copy;
            }
            lineLength += n;
            offset += n;
            if (found) {
                int before = i > pos ? buf[i - 1] : last;
                eol = before == '\r' ? 2 : 1;
                lfCount++;
                pos = end;
                return true;
            }
            last = buf[limit - 1];
            pos = limit;
        }
    }

    /** Whether the current line is empty (only its line ending). */
    boolean blank() {
        return eol > 0 && lineLength == eol;
    }

    /** Whether the kept part of the line starts with {@code --}. */
    boolean dashes() {
        return headLength >= 2 && head[0] == '-' && head[1] == '-';
    }

    private boolean fill() throws IOException {
        int r;
        do {
            r = in.read(buf, 0, buf.length);
        } while (r == 0);
        if (r < 0) {
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = r;
        return true;
    }
}
