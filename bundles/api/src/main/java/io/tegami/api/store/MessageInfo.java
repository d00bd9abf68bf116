package io.tegami.api.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a mailbox knows about one message without reading it.
 *
 * @param uid the message's UID
 * @param size the size in bytes as stored
 * @param internalDate the IMAP INTERNALDATE
 * @param flags the flags now set
 */
public record MessageInfo(long uid, long size, Instant internalDate, Set<String> flags) {

    public MessageInfo {
        Objects.requireNonNull(internalDate, "internalDate");
        flags = Set.copyOf(flags);
    }
}
