package io.tegami.api.store;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a mailbox handle knows about one message without reading it.
 *
 * @param uid the message's UID
 * @param size the size in bytes as stored (LF line endings in Maildir and mbox)
 * @param rfc822Size the size with CRLF line endings: IMAP RFC822.SIZE, POP3 octets, and the
 *        length of {@link Mailbox#openMessage(long)}
 * @param internalDate the IMAP INTERNALDATE (usually the arrival time), to the second or finer
 * @param flags the stored flags: system flags ({@link Flags}) and keywords, never {@code \Recent}
 * @param modSeq the modification sequence of the message's last change (RFC 7162), at least 1
 * @param recent whether the message is {@code \Recent} for the handle that returned this
 */
public record MessageInfo(long uid, long size, long rfc822Size, Instant internalDate, Set<String> flags,
        long modSeq, boolean recent) {

    public MessageInfo {
        Objects.requireNonNull(internalDate, "internalDate");
        flags = Set.copyOf(flags);
        if (uid <= 0) {
            throw new IllegalArgumentException("uid must be positive: " + uid);
        }
    }

    /** Whether {@code flag} is set ({@code \Recent} included; system flags matched without case). */
    public boolean has(String flag) {
        String f = Flags.normalize(flag);
        return Flags.RECENT.equals(f) ? recent : flags.contains(f);
    }

    /** The flags as IMAP FETCH FLAGS shows them: the stored ones plus {@code \Recent} if recent. */
    public Set<String> imapFlags() {
        if (!recent) {
            return flags;
        }
        Set<String> all = new LinkedHashSet<>(flags);
        all.add(Flags.RECENT);
        return Set.copyOf(all);
    }

    /** This message with other stored flags and modification sequence. */
    public MessageInfo withFlags(Set<String> newFlags, long newModSeq) {
        return new MessageInfo(uid, size, rfc822Size, internalDate, newFlags, newModSeq, recent);
    }

    /** This message as another handle sees it. */
    public MessageInfo withRecent(boolean isRecent) {
        return isRecent == recent ? this : new MessageInfo(uid, size, rfc822Size, internalDate, flags, modSeq, isRecent);
    }
}
