package io.tegami.imap.message;

import java.util.List;
import java.util.Objects;

/**
 * A {@code BODY[section]<partial>} specification (RFC 3501 6.4.5), parsed.
 *
 * @param part the part path ({@code 1.2.3} → {@code [1, 2, 3]}); empty for the whole message
 * @param text what of that part: the whole part, its header, selected header fields, its text
 *        or its MIME header
 * @param fields the field names for {@link Text#HEADER_FIELDS} and {@link Text#HEADER_FIELDS_NOT}
 *        (as the client wrote them; compared without case)
 * @param partialStart the first octet of a {@code <start.count>} partial, or -1 for none
 * @param partialCount the octet count of the partial
 */
public record SectionSpec(List<Integer> part, Text text, List<String> fields, long partialStart, long partialCount) {

    /** The section-text kinds. */
    public enum Text {
        /** {@code BODY[]} or {@code BODY[1.2]}: the whole message or part. */
        ALL,
        /** {@code HEADER}. */
        HEADER,
        /** {@code HEADER.FIELDS (...)}. */
        HEADER_FIELDS,
        /** {@code HEADER.FIELDS.NOT (...)}. */
        HEADER_FIELDS_NOT,
        /** {@code TEXT}. */
        TEXT,
        /** {@code MIME}: the MIME header of a part (only with a part number). */
        MIME
    }

    public SectionSpec {
        part = List.copyOf(part);
        Objects.requireNonNull(text, "text");
        fields = List.copyOf(fields);
    }

    /** {@code BODY[]}, also {@code RFC822}. */
    public static SectionSpec rfc822() {
        return new SectionSpec(List.of(), Text.ALL, List.of(), -1, 0);
    }

    /** {@code BODY[HEADER]}, also {@code RFC822.HEADER}. */
    public static SectionSpec rfc822Header() {
        return new SectionSpec(List.of(), Text.HEADER, List.of(), -1, 0);
    }

    /** {@code BODY[TEXT]}, also {@code RFC822.TEXT}. */
    public static SectionSpec rfc822Text() {
        return new SectionSpec(List.of(), Text.TEXT, List.of(), -1, 0);
    }

    /** This section with a {@code <start.count>} partial. */
    public SectionSpec withPartial(long start, long count) {
        return new SectionSpec(part, text, fields, start, count);
    }

    /** True if a {@code <start.count>} partial was given. */
    public boolean isPartial() {
        return partialStart >= 0;
    }
}
