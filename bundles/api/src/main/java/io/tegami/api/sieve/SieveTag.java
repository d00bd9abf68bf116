package io.tegami.api.sieve;

import java.util.Set;

/**
 * A tagged argument an extension adds to commands of other extensions or the core.
 *
 * @param name the tag with its colon ({@code :copy})
 * @param value the type of the argument that follows it, or {@link SieveArgumentType#NONE}
 * @param commands the commands that accept it ({@code fileinto}, {@code redirect})
 */
public record SieveTag(String name, SieveArgumentType value, Set<String> commands) {

    /** Copies the command set. */
    public SieveTag {
        commands = Set.copyOf(commands);
    }
}
