package io.tegami.pop3.session;

import java.io.ByteArrayOutputStream;

import io.tegami.api.net.Line;

/**
 * Joins the pieces of a line the net layer cut at its maximum line length, up to a limit. A SASL
 * response (the initial response on the AUTH line, or an answer to a challenge) may be longer than
 * a command line; anything beyond the limit is dropped and reported once the line ends, so that
 * replies stay in step with commands.
 */
public final class LineAssembler {

    /** A whole line, or the news that it was too long. */
    public record Assembled(byte[] bytes, boolean tooLong) {
    }

    private final int limit;
    private ByteArrayOutputStream pieces;
    private boolean overflow;

    /** @param limit the longest line kept, in bytes */
    public LineAssembler(int limit) {
        this.limit = limit;
    }

    /**
     * Takes one line or fragment.
     *
     * @return the assembled line when it has ended, else null
     */
    public Assembled add(Line line) {
        if (!line.isFragment() && pieces == null) {
            return new Assembled(line.bytes(), line.length() > limit);
        }
        if (pieces == null) {
            pieces = new ByteArrayOutputStream();
        }
        if (!overflow) {
            pieces.writeBytes(line.bytes());
            overflow = pieces.size() > limit;
            if (overflow) {
                pieces.reset(); // keep no more of it than we need
            }
        }
        if (line.isFragment()) {
            return null;
        }
        Assembled done = new Assembled(overflow ? new byte[0] : pieces.toByteArray(), overflow);
        pieces = null;
        overflow = false;
        return done;
    }

    /** Forgets a half-received line (STLS discards what came in clear). */
    public void clear() {
        pieces = null;
        overflow = false;
    }
}
