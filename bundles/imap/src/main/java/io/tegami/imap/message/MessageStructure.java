package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The parsed MIME structure of one stored message: the part tree with offsets, never the content.
 * Parse it once per message (a FETCH of BODYSTRUCTURE, BODY[...], a SEARCH on text) and keep it
 * while the message is in use; sections are then read by re-opening the message
 * ({@link SectionReader}). Parsing never fails on bad MIME: whatever the input, the result is a
 * structure (at worst one text/plain part); only I/O errors of the source are thrown.
 */
public final class MessageStructure {

    private final MessagePart root;
    private final long size;

    private MessageStructure(MessagePart root, long size) {
        this.root = root;
        this.size = size;
    }

    /** Parses the message {@code source} opens, with the default limits. */
    public static MessageStructure parse(MessageSource source) throws IOException {
        return parse(source, MimeLimits.DEFAULT);
    }

    /** Parses the message {@code source} opens. */
    public static MessageStructure parse(MessageSource source, MimeLimits limits) throws IOException {
        try (InputStream in = source.open()) {
            return parse(in, limits);
        }
    }

    /** Parses a message from a stream (LF or CRLF line endings), reading it to the end; does not close it. */
    public static MessageStructure parse(InputStream in, MimeLimits limits) throws IOException {
        LineReader reader = new LineReader(new CrlfInputStream(in), limits.maxHeaderValue());
        MessagePart root = new StructureParser(reader, limits).parse();
        return new MessageStructure(root, reader.position());
    }

    /**
     * The envelope of the message {@code source} opens, from its header alone: what a FETCH of
     * ENVELOPE without BODYSTRUCTURE or sections needs, at a fraction of a full parse's reading.
     */
    public static Envelope envelope(MessageSource source) throws IOException {
        try (InputStream in = source.openHeader()) {
            LineReader reader = new LineReader(new CrlfInputStream(in), MimeLimits.DEFAULT.maxHeaderValue());
            MessagePart root = new StructureParser(reader, MimeLimits.DEFAULT).parseHeader();
            return root.envelope == null ? Envelope.EMPTY : root.envelope;
        }
    }

    /** The message itself as a part: its header, its MIME fields, its envelope, its children. */
    public MessagePart root() {
        return root;
    }

    /**
     * The message size in the CRLF form. It equals the store's {@code MessageInfo.rfc822Size()}
     * when the store counts the same way, as the Maildir and mbox stores do.
     */
    public long size() {
        return size;
    }

    /** The message's envelope fields. */
    public Envelope envelope() {
        return root.envelope == null ? Envelope.EMPTY : root.envelope;
    }

    /**
     * The part that an IMAP part number names, following RFC 3501 6.4.5 as Dovecot does: in a
     * multipart, {@code n} is its n-th part; a non-multipart has only part 1, itself; after a
     * message/rfc822 part, further numbers go into the encapsulated message. An empty path is
     * the root.
     *
     * @return the part, or null if there is no such part
     */
    public MessagePart part(List<Integer> path) {
        MessagePart p = root;
        for (int i = 0; i < path.size() && p != null; i++) {
            int n = path.get(i);
            if (n < 1) {
                return null;
            }
            boolean last = i == path.size() - 1;
            if (p.isMultipart()) {
                p = n <= p.children.size() ? p.children.get(n - 1) : null;
            } else if (n != 1 || (!last && !p.isMessage())) {
                p = null;
            }
            if (p != null && !last && p.isMessage()) {
                p = p.message(); // continue inside the encapsulated message
            }
        }
        return p;
    }
}
