package io.tegami.imap.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values of one header field of a message as SEARCH compares them: RFC 2047-decoded and
 * folded ({@link TextFolding}). Kept with the store ({@link MessageSource#cached}) under
 * {@code imap.search.<field>}, so that the next search on that field, by any session, reads
 * neither the message nor its header: a client's searches on Subject or From then cost a map
 * lookup per message, as Dovecot's answers from its cache file do.
 */
final class FoldedValues {

    private static final String PREFIX = "imap.search.";

    private FoldedValues() {
    }

    /** The folded values of the fields named {@code name} (without case), in order; empty if none. */
    static List<String> of(SearchMessage m, String name) throws IOException {
        return of(m, name, field(name));
    }

    /** The cache field of header field {@code name}: {@code imap.search.subject}. */
    static String field(String name) {
        return PREFIX + name.toLowerCase(Locale.ROOT);
    }

    /** As {@link #of(SearchMessage, String)} with its {@link #field} computed once by the caller. */
    static List<String> of(SearchMessage m, String name, String field) throws IOException {
        byte[] kept = m.source().cached(field);
        if (kept != null) {
            return decode(kept);
        }
        List<String> values = new ArrayList<>();
        for (HeaderField f : m.headers()) {
            if (f.name().equalsIgnoreCase(name)) {
                values.add(TextFolding.fold(EncodedWords.decode(f.unfolded())));
            }
        }
        m.source().keep(field, encode(values));
        return values;
    }

    /** Each value as its UTF-8 length (4 octets, big-endian) and octets. */
    static byte[] encode(List<String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            out.write(b.length >>> 24);
            out.write(b.length >>> 16);
            out.write(b.length >>> 8);
            out.write(b.length);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    static List<String> decode(byte[] data) {
        List<String> values = new ArrayList<>(1);
        int i = 0;
        while (i + 4 <= data.length) {
            int n = ((data[i] & 0xff) << 24) | ((data[i + 1] & 0xff) << 16) | ((data[i + 2] & 0xff) << 8) | (data[i + 3] & 0xff);
            i += 4;
            if (n < 0 || i + n > data.length) {
                break; // not ours: ignore the rest
            }
            values.add(new String(data, i, n, StandardCharsets.UTF_8));
            i += n;
        }
        return values;
    }
}
