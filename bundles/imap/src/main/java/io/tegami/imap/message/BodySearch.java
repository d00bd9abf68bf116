package io.tegami.imap.message;

import io.tegami.api.store.CrlfInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * SEARCH BODY and TEXT over a message's text: every text/* part, transfer-decoded (mime4j's
 * quoted-printable and base64 streams) and charset-decoded, plus for TEXT every header (RFC 2047
 * decoded). Reads the message once, front to back, in bounded memory; attachments that are not
 * text are skipped unread.
 */
final class BodySearch {

    private final Positioned in;
    private final FoldedMatcher matcher;
    private final boolean headers;

    private BodySearch(InputStream message, String foldedNeedle, boolean headers) {
        this.in = new Positioned(new CrlfInputStream(message));
        this.matcher = new FoldedMatcher(foldedNeedle);
        this.headers = headers;
    }

    /**
     * Whether the message's text contains the needle.
     *
     * @param includeHeaders true for TEXT (headers and body), false for BODY
     */
    static boolean contains(MessageSource source, MessageStructure structure, String foldedNeedle,
            boolean includeHeaders) throws IOException {
        if (foldedNeedle.isEmpty()) {
            return true;
        }
        try (InputStream message = source.open()) {
            BodySearch s = new BodySearch(message, foldedNeedle, includeHeaders);
            s.walk(structure.root());
            return s.matcher.found();
        }
    }

    /** Pre-order: header, then children or body; offsets only grow, so one pass suffices. */
    private boolean walk(MessagePart p) throws IOException {
        if (headers) {
            in.skipTo(p.headerOffset());
            List<HeaderField> fields = HeaderReader.read(in.limit(p.headerSize()), MimeLimits.DEFAULT);
            for (HeaderField f : fields) {
                matcher.reset();
                if (matcher.feed(f.name() + ": " + EncodedWords.decode(f.unfolded()))) {
                    return true;
                }
            }
        }
        if (!p.children().isEmpty()) {
            for (MessagePart child : p.children()) {
                if (walk(child)) {
                    return true;
                }
            }
            return false;
        }
        if (!p.isText() || p.bodySize() == 0) {
            return false;
        }
        in.skipTo(p.bodyOffset());
        matcher.reset();
        try (Reader reader = new InputStreamReader(decoded(in.limit(p.bodySize()), p.encoding()),
                charset(p.param("charset")).newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            char[] buf = new char[8192];
            int r;
            while ((r = reader.read(buf)) > 0) {
                if (matcher.feed(new String(buf, 0, r))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static InputStream decoded(InputStream raw, String encoding) {
        return switch (encoding.toLowerCase(Locale.ROOT)) {
            case "base64" -> new Base64InputStream(raw, DecodeMonitor.SILENT);
            case "quoted-printable" -> new QuotedPrintableInputStream(raw, DecodeMonitor.SILENT);
            default -> raw;
        };
    }

    /** The part's charset; US-ASCII and unknown ones are read as UTF-8, ASCII's common superset. */
    static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        Charset c = CharsetUtil.lookup(name.strip());
        return c == null || c.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : c;
    }

    /** Tracks the position in the message and hands out bounded views that don't close it. */
    private static final class Positioned extends FilterInputStream {
        long position;

        Positioned(InputStream in) {
            super(in);
        }

        void skipTo(long offset) throws IOException {
            if (offset > position) {
                Section.skipFully(this, offset - position);
            }
        }

        InputStream limit(long length) {
            Positioned self = this;
            return new InputStream() {
                long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = self.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int r = self.read(b, off, (int) Math.min(len, left));
                    if (r > 0) {
                        left -= r;
                    }
                    return r;
                }

                @Override
                public void close() {
                    // the message stream stays open for the next part
                }
            };
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            if (r > 0) {
                position += r;
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
            long done = 0;
            while (done < n) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }
    }
}
