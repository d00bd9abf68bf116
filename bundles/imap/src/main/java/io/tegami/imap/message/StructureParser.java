package io.tegami.imap.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-pass MIME structure parser that records byte offsets, modelled on Dovecot's
 * message-parser so that sizes, line counts and part boundaries come out the same: a boundary
 * line is a line starting with {@code --} and one of the active boundaries (the longest that
 * matches, outer ones included, RFC 2046 5.1.2), the CRLF before it belongs to it, and a boundary
 * may cut a header short. It needs offsets, which mime4j's MimeTokenStream does not report, so it
 * reads lines itself and leaves field syntax to {@link FieldTokenizer}.
 */
final class StructureParser {

    /** An active multipart boundary. */
    private static final class Boundary {
        final byte[] delimiter;
        final MessagePart owner;

        Boundary(byte[] delimiter, MessagePart owner) {
            this.delimiter = delimiter;
            this.owner = owner;
        }
    }

    /** What {@link #match} returns when the line is the part's own boundary, not yet active. */
    private static final Boundary OWN = new Boundary(new byte[0], null);

    private final LineReader r;
    private final MimeLimits limits;
    private final int keepBody;
    private final List<Boundary> boundaries = new ArrayList<>();
    private int parts;

    // Where the part that ended last ended: at EOF, or before a boundary line (the current line).
    private long endOffset;
    private long endLines;

    StructureParser(LineReader r, MimeLimits limits) {
        this.r = r;
        this.limits = limits;
        this.keepBody = limits.maxBoundary() + 4;
    }

    MessagePart parse() throws IOException {
        MessagePart root = new MessagePart();
        parsePart(root, 0, true, false, false);
        return root;
    }

    /**
     * Parses only the message's own header, as {@link #parse} does for the root, and stops at the
     * empty line: enough for the envelope, without reading the body.
     */
    MessagePart parseHeader() throws IOException {
        MessagePart root = new MessagePart();
        PartHeaders headers = new PartHeaders(true);
        HeaderFieldCollector collector = new HeaderFieldCollector(headers, limits.maxHeaderValue());
        while (r.next(limits.maxHeaderValue()) && !r.blank()) {
            collector.line(r.head, r.headLength, r.headLength == r.lineLength ? r.eol : 0);
        }
        collector.finish();
        headers.applyTo(root, false, false);
        return root;
    }

    /**
     * Parses one part (header and body) starting at the reader's position.
     *
     * @return the boundary whose line ended the part (the reader's current line), or null at EOF
     */
    private Boundary parsePart(MessagePart p, int depth, boolean message, boolean inMultipart, boolean inDigest)
            throws IOException {
        parts++;
        p.headerOffset = r.position();
        PartHeaders headers = new PartHeaders(message);
        HeaderFieldCollector collector = new HeaderFieldCollector(headers, limits.maxHeaderValue());
        int prevEol = 0;
        Boundary cut = null;
        boolean eof = false;
        while (true) {
            if (!r.next(limits.maxHeaderValue())) {
                eof = true;
                break;
            }
            if (r.blank()) {
                break;
            }
            if (r.dashes() && (cut = match(null)) != null) {
                break;
            }
            collector.line(r.head, r.headLength, r.headLength == r.lineLength ? r.eol : 0);
            prevEol = r.eol;
        }
        collector.finish();
        headers.applyTo(p, inMultipart, inDigest);
        boolean deeper = depth + 1 < limits.maxDepth() && parts < limits.maxParts();
        String boundary = p.isText() ? null : boundaryOf(p);
        byte[] own = "multipart".equalsIgnoreCase(p.type) && boundary != null && deeper
                ? boundary.getBytes(StandardCharsets.ISO_8859_1) : null;
        if (!eof && cut == null && !boundaries.isEmpty()) {
            // As in Dovecot, an outer boundary right after the empty line takes that line's CRLF
            // (RFC 2046: the CRLF before a boundary is part of it): the body is empty.
            int blankEol = r.eol;
            if (r.next(limits.maxHeaderValue())) { // it may be an encapsulated message's first header line
                Boundary b = r.dashes() ? match(own) : null;
                if (b != null && b != OWN) {
                    cut = b;
                    prevEol = blankEol;
                } else {
                    r.replay();
                }
            }
        }
        if (eof || cut != null) {
            // No body. A boundary that cuts the header takes the header's last CRLF from it; as
            // in Dovecot, that CRLF then counts in the enclosing parts' bodies.
            p.bodyOffset = p.bodyEnd = eof ? r.position() : r.lineStart - prevEol;
            p.bodyLines = 0;
            endOffset = eof ? r.position() : r.lineStart;
            endLines = eof ? r.lfCount() : r.linesBefore;
            emptyContainer(p, deeper);
            return cut;
        }
        p.bodyOffset = r.position();
        long linesAtBody = r.lfCount();
        Boundary end;
        if (own != null) {
            p.container = true;
            end = parseMultipartBody(p, own, depth);
        } else if (p.mimeType().equals("message/rfc822") && deeper) {
            p.container = true;
            MessagePart inner = new MessagePart();
            p.children = List.of(inner);
            end = parsePart(inner, depth + 1, true, false, false);
        } else {
            if ("multipart".equalsIgnoreCase(p.type) && boundary == null) {
                p.container = true; // a multipart without parts
            } else {
                opaqueIfContainer(p);
            }
            end = skipBody();
        }
        p.bodyEnd = endOffset;
        p.bodyLines = endLines - linesAtBody;
        return end;
    }

    /**
     * A multipart or message/rfc822 part without any body: a multipart without parts, or an
     * encapsulated message that is empty, as Dovecot has them (so BODYSTRUCTURE stays valid).
     */
    private void emptyContainer(MessagePart p, boolean deeper) {
        if (!deeper) {
            opaqueIfContainer(p);
        } else if ("multipart".equalsIgnoreCase(p.type)) {
            p.container = true;
        } else if (p.mimeType().equals("message/rfc822")) {
            p.container = true;
            MessagePart inner = new MessagePart();
            inner.headerOffset = inner.bodyOffset = inner.bodyEnd = p.bodyEnd;
            new PartHeaders(true).applyTo(inner, false, false);
            p.children = List.of(inner);
            parts++;
        }
    }

    /**
     * A multipart or message/rfc822 part the limits stop us from entering becomes an opaque leaf,
     * as Dovecot does. A multipart without a boundary stays a multipart without parts: BODYSTRUCTURE
     * then shows one empty text/plain part, again as Dovecot does.
     */
    private static void opaqueIfContainer(MessagePart p) {
        if ("multipart".equalsIgnoreCase(p.type) || p.mimeType().equals("message/rfc822")) {
            p.type = "application";
            p.subtype = "octet-stream";
        }
    }

    private String boundaryOf(MessagePart p) {
        String b = p.param("boundary");
        if (b == null || b.isEmpty() || b.length() > limits.maxBoundary()) {
            return null;
        }
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) > 0xff) {
                return null; // not representable as the bytes a boundary line would carry
            }
        }
        return b;
    }

    private Boundary parseMultipartBody(MessagePart p, byte[] delimiter, int depth) throws IOException {
        Boundary mine = new Boundary(delimiter, p);
        boundaries.add(mine);
        boolean digest = "digest".equalsIgnoreCase(p.subtype);
        List<MessagePart> children = new ArrayList<>();
        Boundary b = skipBody(); // the preamble
        try {
            while (true) {
                if (b != mine) {
                    return b; // EOF, or an outer boundary ends this multipart too
                }
                if (closes(mine)) {
                    boundaries.remove(mine);
                    return skipBody(); // the epilogue
                }
                if (r.eol == 0) {
                    return skipBody(); // "--boundary" is the message's last line: no part follows (Dovecot)
                }
                if (parts >= limits.maxParts()) {
                    b = skipBody(); // too many parts: the rest is opaque
                    continue;
                }
                MessagePart child = new MessagePart();
                children.add(child);
                b = parsePart(child, depth + 1, false, true, digest);
            }
        } finally {
            // Forget this boundary and any inner ones a broken child left behind.
            int at = boundaries.indexOf(mine);
            if (at >= 0) {
                boundaries.subList(at, boundaries.size()).clear();
            }
            p.children = List.copyOf(children);
        }
    }

    /** Reads body lines until a boundary line (which stays current) or EOF. */
    private Boundary skipBody() throws IOException {
        int prevEol = 0;
        while (r.next(keepBody)) {
            if (!boundaries.isEmpty() && r.dashes()) {
                Boundary b = match(null);
                if (b != null) {
                    endOffset = r.lineStart - prevEol;
                    endLines = r.linesBefore - (prevEol > 0 ? 1 : 0);
                    return b;
                }
            }
            prevEol = r.eol;
        }
        endOffset = r.position();
        endLines = r.lfCount();
        return null;
    }

    /**
     * The active boundary the current line starts (after {@code --}), the longest if several;
     * {@link #OWN} if {@code own} (a boundary about to become active) is longer still.
     */
    private Boundary match(byte[] own) {
        Boundary best = null;
        int avail = r.headLength - 2;
        for (int i = boundaries.size() - 1; i >= 0; i--) {
            Boundary b = boundaries.get(i);
            byte[] d = b.delimiter;
            if (d.length > avail || (best != null && best.delimiter.length >= d.length)) {
                continue;
            }
            boolean same = true;
            for (int j = 0; j < d.length; j++) {
                if (r.head[2 + j] != d[j]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                best = b;
            }
        }
        if (own != null && own.length <= r.headLength - 2 && (best == null || own.length >= best.delimiter.length)
                && java.util.Arrays.equals(r.head, 2, 2 + own.length, own, 0, own.length)) {
            return OWN;
        }
        if (best != null) {
            // Forget inner boundaries skipped over, as a broken inner part did not close them.
            int at = boundaries.indexOf(best);
            boundaries.subList(at + 1, boundaries.size()).clear();
        }
        return best;
    }

    /** Whether the current boundary line is the close delimiter ({@code --boundary--}). */
    private boolean closes(Boundary b) {
        int at = 2 + b.delimiter.length;
        return r.headLength >= at + 2 && r.head[at] == '-' && r.head[at + 1] == '-';
    }
}
