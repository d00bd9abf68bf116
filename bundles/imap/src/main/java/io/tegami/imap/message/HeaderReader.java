package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a message's own header, up to its empty line, without touching the body:
 * what SEARCH on header fields and SORT need.
 */
public final class HeaderReader {

    /** More fields than this are not kept (a hostile header may have millions). */
    public static final int MAX_FIELDS = 10_000;

    /** Nor more characters of values than this, in all. */
    public static final int MAX_TOTAL = 4 * 1024 * 1024;

    private HeaderReader() {
    }

    /** The message's header fields, in order. */
    public static List<HeaderField> read(MessageSource source) throws IOException {
        try (InputStream in = source.openHeader()) {
            return read(in, MimeLimits.DEFAULT);
        }
    }

    /** The header fields at the start of {@code in} (LF or CRLF); reads up to the empty line. */
    public static List<HeaderField> read(InputStream in, MimeLimits limits) throws IOException {
        List<HeaderField> fields = new ArrayList<>();
        int[] total = {0};
        HeaderFieldCollector c = new HeaderFieldCollector((name, value) -> {
            total[0] += name.length() + value.length();
            if (fields.size() < MAX_FIELDS && total[0] <= MAX_TOTAL) {
                fields.add(new HeaderField(name, value));
            }
        }, limits.maxHeaderValue());
        LineReader r = new LineReader(new CrlfInputStream(in), limits.maxHeaderValue());
        while (r.next(limits.maxHeaderValue()) && !r.blank()) {
            c.line(r.head, r.headLength, r.headLength == r.lineLength ? r.eol : 0);
        }
        c.finish();
        return List.copyOf(fields);
    }

    /** The fields of one part's header (its {@code MIME} header, or a message's header). */
    public static List<HeaderField> read(MessageSource source, MessagePart part) throws IOException {
        Section header = Section.range(source, part.headerOffset(), part.headerSize());
        try (InputStream in = header.open()) {
            return read(in, MimeLimits.DEFAULT);
        }
    }
}
