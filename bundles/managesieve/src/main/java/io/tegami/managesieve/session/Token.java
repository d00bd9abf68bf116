package io.tegami.managesieve.session;

/**
 * One argument of a ManageSieve command (RFC 5804 section 4): an atom ({@code PUTSCRIPT},
 * {@code 1234}) or a string, quoted or literal.
 *
 * @param text the value, decoded as UTF-8; empty when the literal was too large to keep
 * @param atom true for an atom, false for a string
 * @param size the value's length in octets as sent
 * @param truncated true when a literal was larger than what the server keeps (its size still counts)
 */
public record Token(String text, boolean atom, long size, boolean truncated) {

    /** A string argument that was kept whole. */
    public boolean isString() {
        return !atom && !truncated;
    }
}
