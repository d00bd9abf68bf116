package io.tegami.managesieve.session;

import java.io.ByteArrayOutputStream;

import io.tegami.api.net.Line;

/**
 * Joins the pieces of a line the net layer cut at its maximum line length, up to a limit
 * (Pigeonhole's {@code managesieve_max_line_length}); a longer line is reported, not kept.
 */
final class LineJoiner {

    /** The news that the line was longer than the limit. */
    static final byte[] TOO_LONG = new byte[0];

    private final int limit;
    private ByteArrayOutputStream pieces;

    LineJoiner(int limit) {
        this.limit = limit;
    }

    /** The whole line when it has ended, {@link #TOO_LONG}, or null while pieces still come. */
    byte[] add(Line line) {
        if (!line.isFragment() && pieces == null) {
            return line.length() > limit ? TOO_LONG : line.bytes();
        }
        if (pieces == null) {
            pieces = new ByteArrayOutputStream();
        }
        pieces.writeBytes(line.bytes());
        if (pieces.size() > limit) {
            pieces = null;
            return TOO_LONG;
        }
        if (line.isFragment()) {
            return null;
        }
        byte[] whole = pieces.toByteArray();
        pieces = null;
        return whole;
    }

    void clear() {
        pieces = null;
    }
}
