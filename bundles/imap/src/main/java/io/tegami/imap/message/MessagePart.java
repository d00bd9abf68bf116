package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import java.util.List;
import java.util.Locale;

/**
 * One MIME part of a parsed message: where its header and body lie in the message (offsets in the
 * CRLF form, see {@link CrlfInputStream}), and what its MIME header fields say. The root part is
 * the message itself. A multipart has its parts as children; a message/rfc822 part has exactly
 * one child, the encapsulated message, whose header is that message's header. Field values are
 * as written (unfolded, RFC 2047 words kept), or the MIME defaults where a field is absent.
 * Immutable once {@link MessageStructure#parse} returns it.
 */
public final class MessagePart {

    long headerOffset;
    long bodyOffset;
    long bodyEnd;
    long bodyLines;
    String type = "text";
    String subtype = "plain";
    List<MimeParam> params = List.of();
    String id;
    String description;
    String encoding;
    String md5;
    String disposition;
    List<MimeParam> dispositionParams = List.of();
    List<String> languages = List.of();
    String location;
    List<MessagePart> children = List.of();
    Envelope envelope;
    String references;
    boolean container;

    MessagePart() {
    }

    /** Offset of the first header byte. */
    public long headerOffset() {
        return headerOffset;
    }

    /** Size of the header, including the empty line that ends it (when there is one). */
    public long headerSize() {
        return bodyOffset - headerOffset;
    }

    /** Offset of the first body byte. */
    public long bodyOffset() {
        return bodyOffset;
    }

    /**
     * Size of the body in octets. Inside a multipart, the CRLF before the next boundary belongs to
     * the boundary, not to the body (RFC 2046 5.1.1).
     */
    public long bodySize() {
        return bodyEnd - bodyOffset;
    }

    /** Offset just after the last body byte. */
    public long endOffset() {
        return bodyEnd;
    }

    /** Number of lines (LFs) in the body. */
    public long bodyLines() {
        return bodyLines;
    }

    /** The media type as written ({@code text}, {@code MULTIPART}). */
    public String type() {
        return type;
    }

    /** The media subtype as written. */
    public String subtype() {
        return subtype;
    }

    /** The Content-Type parameters; text parts without a charset get {@code charset=us-ascii}. */
    public List<MimeParam> params() {
        return params;
    }

    /** A Content-Type parameter's value by name (no case), or null. */
    public String param(String name) {
        for (MimeParam p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    /** Content-ID, or null. */
    public String id() {
        return id;
    }

    /** Content-Description, or null. */
    public String description() {
        return description;
    }

    /** Content-Transfer-Encoding as written, {@code 7bit} if absent. */
    public String encoding() {
        return encoding == null ? "7bit" : encoding;
    }

    /** Content-MD5, or null. */
    public String md5() {
        return md5;
    }

    /** The Content-Disposition type ({@code attachment}), or null. */
    public String disposition() {
        return disposition;
    }

    /** The Content-Disposition parameters. */
    public List<MimeParam> dispositionParams() {
        return dispositionParams;
    }

    /** The Content-Language tags, empty if absent. */
    public List<String> languages() {
        return languages;
    }

    /** Content-Location, or null. */
    public String location() {
        return location;
    }

    /** The parts of a multipart, the encapsulated message of a message/rfc822 part, else empty. */
    public List<MessagePart> children() {
        return children;
    }

    /**
     * The envelope of this part if it is a message (the root, or the child of a message/rfc822
     * part); for a message/rfc822 part, see {@link #message()}. Null for other parts.
     */
    public Envelope envelope() {
        return envelope;
    }

    /** The References field of a message part (unfolded), or null. */
    public String references() {
        return references;
    }

    /** True for a multipart that was parsed as one (type multipart and not cut by the limits). */
    public boolean isMultipart() {
        return container && "multipart".equalsIgnoreCase(type);
    }

    /** True for a message/rfc822 part whose encapsulated message was parsed ({@link #message()}). */
    public boolean isMessage() {
        return container && !isMultipart();
    }

    /** The encapsulated message of a message/rfc822 part, or null. */
    public MessagePart message() {
        return isMessage() && !children.isEmpty() ? children.get(0) : null;
    }

    /** True for {@code text/*} parts, whose BODYSTRUCTURE tells the line count. */
    public boolean isText() {
        return "text".equalsIgnoreCase(type);
    }

    /** {@code type/subtype} in lower case, for comparisons. */
    public String mimeType() {
        return (type + "/" + subtype).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "MessagePart[" + mimeType() + " header@" + headerOffset + " body@" + bodyOffset + "+" + bodySize()
                + " lines=" + bodyLines + " children=" + children.size() + "]";
    }
}
