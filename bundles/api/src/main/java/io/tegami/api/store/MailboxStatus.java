package io.tegami.api.store;

import java.util.List;

/**
 * The counters of a folder (IMAP STATUS and SELECT, POP3 STAT).
 *
 * @param messages the number of messages (EXISTS)
 * @param recent the number of messages {@code \Recent} for the handle asked
 * @param unseen the number of messages without {@code \Seen}
 * @param uidNext UIDNEXT
 * @param uidValidity UIDVALIDITY
 * @param highestModSeq HIGHESTMODSEQ
 * @param size the sum of the messages' RFC822.SIZE (RFC 8438 STATUS SIZE, POP3 STAT)
 */
public record MailboxStatus(int messages, int recent, int unseen, long uidNext, long uidValidity,
        long highestModSeq, long size) {

    /** The counters of a message list. */
    public static MailboxStatus of(List<MessageInfo> list, long uidNext, long uidValidity, long highestModSeq) {
        int recent = 0;
        int unseen = 0;
        long size = 0;
        for (MessageInfo m : list) {
            if (m.recent()) {
                recent++;
            }
            if (!m.flags().contains(Flags.SEEN)) {
                unseen++;
            }
            size += m.rfc822Size();
        }
        return new MailboxStatus(list.size(), recent, unseen, uidNext, uidValidity, highestModSeq, size);
    }
}
