package io.tegami.api.net;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of protocol input, without its line ending, and the ending that was found.
 *
 * <p>Protocols must tell a proper {@code CRLF} from a bare {@code LF}: SMTP rejects bare
 * line feeds inside {@code DATA} (SMTP smuggling), IMAP and POP3 tolerate them in commands.
 */
public final class Line {

    /** How a line ended on the wire. */
    public enum Ending {
        /** {@code CR LF}. */
        CRLF,
        /** A bare {@code LF}, without a preceding {@code CR}. */
        LF,
        /** No ending: a fragment of a line longer than the connection's maximum line length. */
        NONE
    }

    private final byte[] bytes;
    private final Ending ending;

    /**
     * @param bytes the line's bytes without the ending; the array is owned by the line afterwards
     * @param ending how the line ended
     */
    public Line(byte[] bytes, Ending ending) {
        this.bytes = bytes;
        this.ending = ending;
    }

    /** The raw bytes, without the line ending. Do not modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** The number of bytes, without the line ending. */
    public int length() {
        return bytes.length;
    }

    /** How the line ended. */
    public Ending ending() {
        return ending;
    }

    /** True if the line was cut at the maximum line length and continues in the next piece. */
    public boolean isFragment() {
        return ending == Ending.NONE;
    }

    /** The line decoded as UTF-8 (ASCII commands decode unchanged). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Line other && ending == other.ending && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + ending.hashCode();
    }

    @Override
    public String toString() {
        return text() + "<" + ending + ">";
    }
}
