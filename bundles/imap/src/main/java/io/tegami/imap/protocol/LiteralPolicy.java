package io.tegami.imap.protocol;

/**
 * Decides, before a literal is read, whether the session accepts it: the command must be known
 * in the current state and the literal within its size limit. A refused synchronizing literal is
 * answered instead of {@code +}, so the client never sends it (RFC 3501 7.5); a refused
 * non-synchronizing one is on its way already, so the session closes after answering.
 */
public interface LiteralPolicy {

    /**
     * @param prefix the tag and command name read so far (either may be null when unreadable)
     * @param size the announced size
     * @param commandBytes the octets of the command so far that count towards the command length
     *        limit (its lines and the literals that count)
     * @return null to accept, or the tagged response to refuse with, without the tag
     *         ({@code BAD ...} or {@code NO [TOOBIG] ...})
     */
    String check(CommandPrefix prefix, long size, long commandBytes);

    /**
     * Whether the command's literals count towards the command length limit. APPEND's message
     * does not: it has its own limit and may be spooled to disk.
     */
    default boolean countsTowardsLength(CommandPrefix prefix) {
        return true;
    }
}
