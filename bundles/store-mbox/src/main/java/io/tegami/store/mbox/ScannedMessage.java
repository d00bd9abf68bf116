package io.tegami.store.mbox;

import java.time.Instant;
import java.util.List;

/**
 * One message as the scanner found it in the file, before UIDs are decided.
 *
 * @param fromOffset where its From_ line starts
 * @param headerOffset where its header starts (after the From_ line)
 * @param headerEnd where its header ends (where the empty line ending it starts)
 * @param bodyOffset where its body starts (after the empty line ending the header)
 * @param end where it ends (before the empty line that separates it from the next one)
 * @param sender the envelope sender of the From_ line
 * @param date the arrival time of the From_ line (the IMAP INTERNALDATE)
 * @param meta the metadata headers found
 * @param hidden the file ranges of metadata header fields ({@code [start, end)} pairs), which
 *        clients never see
 * @param size the size of what clients see, with the stored line endings
 * @param rfc822Size the size of what clients see with CRLF line endings
 * @param hasHeaderEnd whether the header ended with an empty line (false for a message cut short)
 */
record ScannedMessage(long fromOffset, long headerOffset, long headerEnd, long bodyOffset, long end, String sender, Instant date,
        Meta meta, List<long[]> hidden, long size, long rfc822Size, boolean hasHeaderEnd) {

    ScannedMessage {
        hidden = List.copyOf(hidden);
    }

    /**
     * The metadata headers of one message, raw (trust is decided by {@link MboxSync}).
     *
     * @param imapBase the X-IMAPbase or X-IMAP value, or null
     * @param pseudo true if it was X-IMAP (a folder-data pseudo message)
     * @param uidLastOffset the file offset of X-IMAPbase's 10-digit last UID, or -1 if it cannot be
     *        updated in place
     * @param xUid the X-UID value, or null
     * @param status the Status value, or null
     * @param xStatus the X-Status value, or null
     * @param keywords the X-Keywords value, or null
     * @param contentLength the Content-Length, -1 if absent or not a number
     * @param duplicates a metadata header appeared twice (the header needs rewriting)
     */
    record Meta(String imapBase, boolean pseudo, long uidLastOffset, String xUid, String status, String xStatus,
            String keywords, long contentLength, boolean duplicates) {
    }
}
