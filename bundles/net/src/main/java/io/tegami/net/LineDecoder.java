package io.tegami.net;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.tegami.api.net.Line;

/**
 * Splits a connection's input into {@link Line lines}, or hands it out as counted chunks after
 * {@link #readBytes(long)}.
 *
 * <p>Lines end at LF; a CR right before the LF makes the ending {@link Line.Ending#CRLF}, even when
 * the CR and the LF arrive in different buffers. A line longer than the maximum is delivered in
 * pieces of the maximum length with {@link Line.Ending#NONE}; the last piece carries the real
 * ending. The decoder copies what it keeps, so the caller may release each buffer after
 * {@link #feed}. Not thread safe: one connection, one thread at a time.
 */
final class LineDecoder {

    /** Where decoded input goes. */
    interface Sink {
        /** False stops decoding; the rest of the buffer at hand is dropped (close, STARTTLS). */
        boolean accepting();

        void line(Line line);

        void bytes(ByteBuffer chunk, boolean last);
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private int maxLineLength;
    private byte[] buf;
    private int size;
    /** A CR was the last byte of the previous buffer: it may be half of a CRLF. */
    private boolean pendingCr;
    /** Bytes still to deliver in counted mode, or -1 in line mode. */
    private long counted = -1;

    LineDecoder(int maxLineLength) {
        setMaxLineLength(maxLineLength);
        this.buf = new byte[Math.min(256, maxLineLength)];
    }

    void setMaxLineLength(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("line length must be positive: " + bytes);
        }
        this.maxLineLength = bytes;
    }

    int maxLineLength() {
        return maxLineLength;
    }

    /** Switches to counted mode: the next {@code count} bytes go to {@link Sink#bytes}. */
    void readBytes(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative byte count: " + count);
        }
        counted = count;
    }

    boolean isCounting() {
        return counted >= 0;
    }

    /** True when part of a line has arrived and waits for its end. */
    boolean hasPartial() {
        return counted < 0 && (size > 0 || pendingCr);
    }

    /** Forgets any partial line and counted state: after STARTTLS nothing from before may survive. */
    void reset() {
        size = 0;
        pendingCr = false;
        counted = -1;
        if (buf.length > 4096) {
            buf = new byte[256];
        }
    }

    /**
     * Decodes what {@code in} holds, calling the sink for each line or chunk while it accepts.
     * Also delivers a pending zero-length count, so call it with an empty buffer after a callback
     * that may have asked for {@code readBytes(0)}.
     */
    void feed(ByteBuf in, Sink sink) {
        while (sink.accepting()) {
            if (counted >= 0) {
                if (!countedStep(in, sink)) {
                    return;
                }
            } else if (in.isReadable()) {
                lineStep(in, sink);
            } else {
                return;
            }
        }
    }

    private boolean countedStep(ByteBuf in, Sink sink) {
        if (counted == 0) {
            counted = -1;
            sink.bytes(EMPTY.duplicate(), true);
            return true;
        }
        if (!in.isReadable()) {
            return false;
        }
        int n = (int) Math.min(counted, in.readableBytes());
        ByteBuffer chunk = in.nioBuffer(in.readerIndex(), n);
        in.skipBytes(n);
        counted -= n;
        boolean last = counted == 0;
        if (last) {
            counted = -1; // back to lines before the call, so the session may count again
        }
        sink.bytes(chunk, last);
        return true;
    }

    /** Consumes some input and emits at most one line, so a mode switch in a callback takes effect at once. */
    private void lineStep(ByteBuf in, Sink sink) {
        int ri = in.readerIndex();
        if (pendingCr) {
            if (in.getByte(ri) == LF) {
                in.skipBytes(1);
                pendingCr = false;
                emit(sink, Line.Ending.CRLF);
            } else if (size >= maxLineLength) {
                emit(sink, Line.Ending.NONE); // the CR is content, but the piece is full: it starts the next one
            } else {
                pendingCr = false;
                append(CR);
            }
            return;
        }
        int room = Math.max(0, maxLineLength - size);
        // Looking further than room + CR + LF is pointless: the piece would be full anyway.
        int scanEnd = (int) Math.min(in.writerIndex(), (long) ri + room + 2);
        int lf = in.indexOf(ri, scanEnd, LF);
        int run = (lf < 0 ? scanEnd : lf) - ri;
        boolean cr = run > 0 && in.getByte(ri + run - 1) == CR;
        int content = cr ? run - 1 : run;
        if (content > room) {
            copy(in, room);
            emit(sink, Line.Ending.NONE);
            return;
        }
        copy(in, content);
        if (cr) {
            in.skipBytes(1);
        }
        if (lf >= 0) {
            in.skipBytes(1);
            emit(sink, cr ? Line.Ending.CRLF : Line.Ending.LF);
        } else if (cr) {
            pendingCr = true;
        }
    }

    private void copy(ByteBuf in, int n) {
        ensureCapacity(size + n);
        in.readBytes(buf, size, n);
        size += n;
    }

    private void append(byte b) {
        ensureCapacity(size + 1);
        buf[size++] = b;
    }

    private void ensureCapacity(int needed) {
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needed, Math.min(buf.length * 2, maxLineLength)));
        }
    }

    private void emit(Sink sink, Line.Ending ending) {
        Line line = new Line(Arrays.copyOf(buf, size), ending);
        size = 0;
        sink.line(line);
    }
}
