package io.tegami.api.store;

import java.util.Objects;

/**
 * A user's quota root as RFC 9208 reports it, with Dovecot's two resources: the storage the
 * user's messages take and their number, each with its limit. A limit of 0 means that resource
 * is not limited (GETQUOTA lists only limited resources, as Dovecot does).
 *
 * @param root the quota root's name (Dovecot's default {@code User quota})
 * @param storageUsed the bytes the messages take, as the store counts them (Maildir++: the
 *        files' sizes with LF line endings; mbox: the messages' RFC822.SIZE, as Dovecot's
 *        {@code count} backend)
 * @param storageLimit the bytes allowed, 0 for no limit
 * @param messagesUsed the number of messages
 * @param messagesLimit the number of messages allowed, 0 for no limit
 * @since 2.2
 */
public record Quota(String root, long storageUsed, long storageLimit, long messagesUsed, long messagesLimit) {

    public Quota {
        Objects.requireNonNull(root, "root");
    }

    /** Whether any resource has a limit (a root without one is not shown to IMAP clients). */
    public boolean limited() {
        return storageLimit > 0 || messagesLimit > 0;
    }

    /** RFC 9208 {@code STORAGE} usage: kibibytes, rounded up as Dovecot rounds them. */
    public long storageUsedKib() {
        return (storageUsed + 1023) / 1024;
    }

    /** RFC 9208 {@code STORAGE} limit: kibibytes, rounded up; 0 for none. */
    public long storageLimitKib() {
        return (storageLimit + 1023) / 1024;
    }
}
