package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the octets of a FETCH {@code BODY[section]<partial>} (RFC 3501 6.4.5) in a stored
 * message, as Dovecot does: part numbers per {@link MessageStructure#part}; {@code HEADER},
 * {@code HEADER.FIELDS}, {@code HEADER.FIELDS.NOT} and {@code TEXT} after a part number only for
 * message/rfc822 parts (they then mean the encapsulated message); {@code MIME} is the part's own
 * header; a section that does not exist is empty (Dovecot sends an empty string too). RFC822,
 * RFC822.HEADER and RFC822.TEXT are {@link SectionSpec#rfc822()}, {@link SectionSpec#rfc822Header()}
 * and {@link SectionSpec#rfc822Text()}.
 */
public final class SectionReader {

    /** HEADER.FIELDS results up to this size are kept from the first pass instead of re-read. */
    private static final int BUFFER_LIMIT = 256 * 1024;

    private SectionReader() {
    }

    /**
     * Whether {@link #read} needs the parsed structure for {@code spec}: not for the message's
     * own header ({@code BODY[HEADER]}, {@code BODY[HEADER.FIELDS (...)]}), which is read from
     * the start up to its empty line, so that list views need not parse whole messages.
     */
    public static boolean needsStructure(SectionSpec spec) {
        return !spec.part().isEmpty() || !(spec.text() == SectionSpec.Text.HEADER
                || spec.text() == SectionSpec.Text.HEADER_FIELDS || spec.text() == SectionSpec.Text.HEADER_FIELDS_NOT);
    }

    /**
     * The section's octets, partial applied.
     *
     * @param structure the parsed message; may be null when {@link #needsStructure} is false
     * @throws IOException if the message cannot be read (a HEADER.FIELDS pass or a header scan)
     */
    public static Section read(MessageSource source, MessageStructure structure, SectionSpec spec) throws IOException {
        Section s = whole(source, structure, spec);
        return spec.isPartial() ? s.partial(spec.partialStart(), spec.partialCount()) : s;
    }

    private static Section whole(MessageSource source, MessageStructure structure, SectionSpec spec) throws IOException {
        if (structure == null) {
            if (needsStructure(spec)) {
                throw new IllegalArgumentException("section needs the message structure: " + spec);
            }
            return rootHeaderOnly(source, spec);
        }
        if (spec.part().isEmpty()) {
            MessagePart root = structure.root();
            return switch (spec.text()) {
                case ALL -> Section.range(source, 0, structure.size());
                case HEADER, MIME -> header(source, root);
                case TEXT -> body(source, root);
                case HEADER_FIELDS, HEADER_FIELDS_NOT -> fields(source, root, spec, structure.size());
            };
        }
        MessagePart p = structure.part(spec.part());
        if (p == null) {
            return Section.empty();
        }
        if (spec.text() == SectionSpec.Text.ALL) {
            return body(source, p);
        }
        if (spec.text() == SectionSpec.Text.MIME) {
            return header(source, p);
        }
        MessagePart m = p.message();
        if (m == null) {
            return Section.empty(); // HEADER/TEXT of a part that is no message/rfc822
        }
        return switch (spec.text()) {
            case HEADER -> header(source, m);
            case TEXT -> body(source, m);
            default -> fields(source, m, spec, structure.size());
        };
    }

    private static Section header(MessageSource source, MessagePart p) {
        return Section.range(source, p.headerOffset(), p.headerSize());
    }

    private static Section body(MessageSource source, MessagePart p) {
        return Section.range(source, p.bodyOffset(), p.bodySize());
    }

    private static Section fields(MessageSource source, MessagePart p, SectionSpec spec, long messageSize)
            throws IOException {
        // An encapsulated message's header whose empty line a boundary took (RFC 2046: the CRLF
        // before a boundary is the boundary's) still ends with it here, as in Dovecot, which
        // filters on from the header's start: so read two octets on, where they exist.
        long extra = spec.part().isEmpty() ? 0 : Math.min(2, messageSize - p.bodyOffset());
        Section header = Section.range(source, p.headerOffset(), p.headerSize() + extra);
        return filtered(() -> header.open(), spec, p.headerSize());
    }

    private static Section rootHeaderOnly(MessageSource source, SectionSpec spec) throws IOException {
        if (spec.text() == SectionSpec.Text.HEADER) {
            long end;
            try (InputStream in = source.open()) {
                LineReader r = new LineReader(new CrlfInputStream(in), 2);
                while (r.next(2) && !r.blank()) {
                    // count header lines up to and including the empty line
                }
                end = r.position();
            }
            return Section.range(source, 0, end);
        }
        return filtered(() -> new CrlfInputStream(source.open()), spec, -1);
    }

    /** HEADER.FIELDS (.NOT): one pass to learn the length, keeping the bytes if they are few. */
    private static Section filtered(Section.Opener header, SectionSpec spec, long headerSize) throws IOException {
        Set<String> names = new HashSet<>();
        for (String f : spec.fields()) {
            names.add(f.toLowerCase(Locale.ROOT));
        }
        boolean include = spec.text() == SectionSpec.Text.HEADER_FIELDS;
        // Dovecot completes a header that lacks its empty line only for the message's own HEADER.FIELDS.
        boolean complete = include && spec.part().isEmpty();
        Section.Opener opener = () -> new HeaderFieldsInputStream(header.open(), names, include, complete, headerSize);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long length = 0;
        try (InputStream in = opener.open()) {
            byte[] buf = new byte[8192];
            int r;
            while ((r = in.read(buf)) > 0) {
                if (length + r <= BUFFER_LIMIT) {
                    kept.write(buf, 0, r);
                }
                length += r;
            }
        }
        return length <= BUFFER_LIMIT ? Section.of(kept.toByteArray()) : new Section(length, opener);
    }
}
