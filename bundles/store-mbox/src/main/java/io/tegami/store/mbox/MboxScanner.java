package io.tegami.store.mbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the messages of an mbox file in one pass, reading it line by line (never whole).
 *
 * <p>A message starts at a valid From_ line ({@link FromLine#parse}) that begins the file or
 * follows an empty line; the empty line before it separates messages and belongs to neither.
 * A Content-Length header is honoured when it is consistent, that is when the body it measures
 * is followed by the end of the file or by a separator and a valid From_ line (Dovecot's rule):
 * then From_ lines inside that body do not split it, which is how Dovecot's own unquoted
 * (mboxcl2) messages are read. Otherwise the body ends at the next separator and From_ line.
 *
 * <p>For each message the scanner notes its offsets, the Dovecot metadata headers and where they
 * are (so that they can be hidden from clients), and two sizes of what clients see: with the
 * stored line endings and with CRLF, after one level of mboxrd unquoting in the body.
 */
final class MboxScanner {

    /** The file is not an mbox: it does not start with a From_ line. */
    static final class NotAnMboxException extends IOException {
        private static final long serialVersionUID = 1L;

        NotAnMboxException(String message) {
            super(message);
        }
    }

    private final long fileSize;
    private final ZoneId zone;
    private final LineReader r;
    private long nextFromOffset;
    private FromLine nextFrom;

    private MboxScanner(FileChannel channel, long start, long fileSize, ZoneId zone) {
        this.fileSize = fileSize;
        this.zone = zone;
        this.r = new LineReader(channel, start, fileSize);
    }

    /**
     * Scans a whole file.
     *
     * @param size the size to read up to (as seen under the lock)
     * @throws NotAnMboxException if the file has content but does not start with a From_ line
     */
    static List<ScannedMessage> scan(FileChannel channel, long size, ZoneId zone) throws IOException {
        return new MboxScanner(channel, 0, size, zone).run();
    }

    /** Scans from a From_ line at {@code start} (a message just appended) to {@code size}. */
    static List<ScannedMessage> scanFrom(FileChannel channel, long start, long size, ZoneId zone) throws IOException {
        return new MboxScanner(channel, start, size, zone).run();
    }

    private List<ScannedMessage> run() throws IOException {
        List<ScannedMessage> out = new ArrayList<>();
        // Empty lines before the first message are tolerated (some tools leave one).
        boolean found = false;
        while (r.next(fileSize)) {
            if (!r.blank()) {
                found = true;
                break;
            }
        }
        if (!found) {
            return out;
        }
        FromLine first = r.fromLine() ? FromLine.parse(r.head, 0, r.headLen, zone) : null;
        if (first == null) {
            throw new NotAnMboxException("the file does not start with a From_ line");
        }
        nextFromOffset = r.start;
        nextFrom = first;
        while (nextFrom != null) {
            out.add(message(nextFromOffset, nextFrom));
        }
        return out;
    }

    /** Reads one message whose From_ line was just read; sets up the next one, if any. */
    private ScannedMessage message(long fromOffset, FromLine from) throws IOException {
        nextFrom = null;
        long headerOffset = r.position();
        HeaderFields fields = new HeaderFields(headerOffset);
        boolean headerEnd = false;
        long headerBlankStart = -1;
        long sizeAtHeaderBlank = 0;
        long rfcAtHeaderBlank = 0;
        while (r.next(fileSize)) {
            if (r.blank()) {
                fields.finish(r.start);
                headerEnd = true;
                headerBlankStart = r.start;
                sizeAtHeaderBlank = fields.size;
                rfcAtHeaderBlank = fields.rfc822;
                fields.size += r.length();
                fields.rfc822 += r.length() + (r.crlf ? 0 : 1);
                break;
            }
            fields.line(r);
        }
        if (!headerEnd) {
            fields.finish(r.position());
        }
        long bodyOffset = r.position();
        long size = fields.size;
        long rfc822 = fields.rfc822;
        long end;
        long target = fields.contentLength >= 0 ? bodyOffset + fields.contentLength : -1;
        long after = target >= 0 && headerEnd ? contentLengthEnd(target) : -1;
        if (after >= 0) {
            while (r.next(target)) {
                size += visible(r);
                rfc822 += visible(r) + bareLf(r);
            }
            end = target;
            if (after < fileSize) {
                r.seek(after);
                r.next(fileSize);
                nextFromOffset = r.start;
                nextFrom = FromLine.parse(r.head, 0, r.headLen, zone);
            }
        } else {
            // Without a usable Content-Length the body ends at an empty line and a From_ line.
            boolean prevBlank = headerEnd;
            long blankStart = headerBlankStart;
            long sizeAtBlank = sizeAtHeaderBlank;
            long rfcAtBlank = rfcAtHeaderBlank;
            end = -1;
            while (r.next(fileSize)) {
                if (prevBlank && r.fromLine()) {
                    FromLine f = FromLine.parse(r.head, 0, r.headLen, zone);
                    if (f != null) {
                        end = blankStart;
                        size = sizeAtBlank;
                        rfc822 = rfcAtBlank;
                        nextFromOffset = r.start;
                        nextFrom = f;
                        break;
                    }
                }
                if (r.blank()) {
                    prevBlank = true;
                    blankStart = r.start;
                    sizeAtBlank = size;
                    rfcAtBlank = rfc822;
                } else {
                    prevBlank = false;
                }
                size += visible(r);
                rfc822 += visible(r) + bareLf(r);
            }
            if (end < 0) {
                // The end of the file: a final empty line is the separator Dovecot and Postfix write.
                if (prevBlank && blankStart >= headerOffset) {
                    end = blankStart;
                    size = sizeAtBlank;
                    rfc822 = rfcAtBlank;
                } else {
                    end = fileSize;
                }
            }
            if (end < bodyOffset) { // the header's own empty line was the separator: no body
                bodyOffset = end;
                headerEnd = false;
            }
        }
        long headerStop = headerEnd ? headerBlankStart : bodyOffset;
        return new ScannedMessage(fromOffset, headerOffset, headerStop, bodyOffset, end, from.sender(), from.date(),
                fields.meta(), fields.hidden, size, rfc822, headerEnd);
    }

    /** A body line's length as clients see it: a quoted From loses one '>'. */
    private static long visible(LineReader line) {
        return line.length() - (line.quotedFrom() ? 1 : 0);
    }

    static long bareLf(LineReader line) {
        return line.lf && !line.crlf ? 1 : 0;
    }

    /**
     * Where the next message starts if the Content-Length is right: the offset after the
     * separator, or the file size at the end; -1 if Content-Length points at anything else.
     */
    private long contentLengthEnd(long target) throws IOException {
        if (target > fileSize) {
            return -1;
        }
        if (target == fileSize) {
            return fileSize;
        }
        byte[] b = new byte[LineReader.KEEP];
        int n = r.peek(target, b, 2);
        long after;
        if (n >= 1 && b[0] == '\n') {
            after = target + 1;
        } else if (n >= 2 && b[0] == '\r' && b[1] == '\n') {
            after = target + 2;
        } else {
            return -1;
        }
        if (after == fileSize) {
            return fileSize;
        }
        n = r.peek(after, b, b.length);
        int len = 0;
        while (len < n && b[len] != '\n') {
            len++;
        }
        return FromLine.parse(b, 0, len, zone) != null ? after : -1;
    }
}
