package io.tegami.imap.message;

import io.tegami.api.store.MessageInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What SORT and THREAD need of one message: its numbers, its store data and a few header fields
 * (raw, unfolded, encoded words kept). Build it from the header alone ({@link #read}) or from a
 * parsed structure ({@link #of(long, MessageInfo, MessageStructure)}).
 *
 * @param sequence the message sequence number
 * @param uid the UID
 * @param size RFC822.SIZE
 * @param internalDate INTERNALDATE
 * @param date the Date field, or null
 * @param subject the Subject field, or null
 * @param from the From field, or null
 * @param to the To field, or null
 * @param cc the Cc field, or null
 * @param messageId the Message-ID field, or null
 * @param inReplyTo the In-Reply-To field, or null
 * @param references the References field, or null
 */
public record MessageDescriptor(long sequence, long uid, long size, Instant internalDate, String date, String subject,
        String from, String to, String cc, String messageId, String inReplyTo, String references) {

    public MessageDescriptor {
        Objects.requireNonNull(internalDate, "internalDate");
    }

    /** Reads the message's header (not its body) for the fields. */
    public static MessageDescriptor read(long sequence, MessageInfo info, MessageSource source) throws IOException {
        return of(sequence, info, HeaderReader.read(source));
    }

    /** From header fields already read. Repeated fields: the last counts, addresses add up (as ENVELOPE). */
    public static MessageDescriptor of(long sequence, MessageInfo info, List<HeaderField> headers) {
        PartHeaders h = new PartHeaders(true);
        for (HeaderField f : headers) {
            h.field(f.name(), f.value());
        }
        MessagePart scratch = new MessagePart();
        h.applyTo(scratch, false, false);
        return of(sequence, info, scratch.envelope, scratch.references);
    }

    /** From a parsed message. */
    public static MessageDescriptor of(long sequence, MessageInfo info, MessageStructure structure) {
        return of(sequence, info, structure.envelope(), structure.root().references());
    }

    private static MessageDescriptor of(long sequence, MessageInfo info, Envelope e, String references) {
        return new MessageDescriptor(sequence, info.uid(), info.rfc822Size(), info.internalDate(), e.date(),
                e.subject(), e.from(), e.to(), e.cc(), e.messageId(), e.inReplyTo(), references);
    }

    /**
     * The sent date as RFC 5256 defines it for SORT DATE and threading: the Date field's instant,
     * or the internal date when there is no parsable Date field.
     */
    public Instant sentDate() {
        OffsetDateTime d = MessageDates.parse(date);
        return d == null ? internalDate : d.toInstant();
    }
}
