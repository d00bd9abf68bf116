package io.tegami.api.sieve;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a script run may ask of the delivery agent beyond the message: the user's mailboxes
 * ({@code mailboxexists}, RFC 5490), the duplicate-tracking store ({@code duplicate}, RFC 7352)
 * and the scripts {@code include} (RFC 6609) names.
 * Every method has a conservative default, so an agent implements only what it supports.
 */
@ConsumerType
public interface SieveEnvironment {

    /** An environment that supports nothing: no mailbox exists, nothing was seen before. */
    SieveEnvironment NONE = new SieveEnvironment() {
    };

    /** Whether the user has a mailbox of this name (as the script wrote it). */
    default boolean mailboxExists(String mailbox) {
        return false;
    }

    /**
     * The text of a script that {@code include} names, or null when there is none: a personal
     * script is the user's {@code NAME.sieve} next to the active one, a global one is in
     * Pigeonhole's {@code sieve_global} directory.
     *
     * @param name the script name without {@code .sieve}
     * @param global whether {@code :global} was given
     */
    default String includeScript(String name, boolean global) {
        return null;
    }

    /**
     * Whether this duplicate-tracking key was marked and has not expired.
     *
     * @param key identifies the message within a handle (derived from handle and unique id)
     */
    default boolean duplicateSeen(String key) {
        return false;
    }

    /**
     * Remembers a key; the engine calls it once the run has succeeded (as Pigeonhole does).
     *
     * @param key as given to {@link #duplicateSeen}
     * @param seconds how long to remember it
     * @param last whether the period restarts at each sighting ({@code :last}) rather than the first
     */
    default void duplicateMark(String key, long seconds, boolean last) {
    }
}
