package io.tegami.imap.message;

/**
 * Bounds on what the structure parser keeps and how deep it goes, so that a hostile message costs
 * bounded memory and stack. Offsets and sizes stay exact whatever the limits: only the detail kept
 * (nesting, header values) is cut.
 *
 * @param maxDepth multipart and message/rfc822 nesting below which parts are parsed; deeper
 *        containers are reported as opaque {@code application/octet-stream} leaves
 * @param maxParts the most parts one message may have; later containers become opaque leaves
 * @param maxHeaderValue the most bytes of one header field value kept (longer values are cut)
 * @param maxBoundary the longest multipart boundary honoured; longer ones make the multipart opaque
 */
public record MimeLimits(int maxDepth, int maxParts, int maxHeaderValue, int maxBoundary) {

    /** 50 levels, 10000 parts (as Dovecot), 64 KiB per header value, 200-byte boundaries. */
    public static final MimeLimits DEFAULT = new MimeLimits(50, 10_000, 64 * 1024, 200);

    public MimeLimits {
        if (maxDepth < 1 || maxParts < 1 || maxHeaderValue < 256 || maxBoundary < 70) {
            throw new IllegalArgumentException("limits too small");
        }
    }
}
