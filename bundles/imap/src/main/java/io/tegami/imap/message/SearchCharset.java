package io.tegami.imap.message;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CHARSET of SEARCH, SORT and THREAD (RFC 3501 6.4.4): the command parser decodes the search
 * strings with it before building {@link SearchKey}s, whose strings are Unicode. US-ASCII and
 * UTF-8 must be supported; any charset the JVM knows is accepted, as Dovecot accepts any iconv
 * knows. An unknown one is {@code NO [BADCHARSET (US-ASCII UTF-8)]}.
 */
public final class SearchCharset {

    /** What to list in a BADCHARSET response code. */
    public static final List<String> ADVERTISED = List.of("US-ASCII", "UTF-8");

    private SearchCharset() {
    }

    /** Whether {@code name} is a charset searches accept. */
    public static boolean isSupported(String name) {
        try {
            return name != null && Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /**
     * The search string of {@code octets} in {@code charset} (null means US-ASCII). US-ASCII is
     * read as UTF-8, so 8-bit text sent without a CHARSET still searches sensibly; malformed input
     * becomes U+FFFD rather than an error.
     *
     * @throws IllegalArgumentException if the charset is not {@link #isSupported supported}
     */
    public static String decode(byte[] octets, String charset) {
        if (charset != null && !isSupported(charset)) {
            throw new IllegalArgumentException("unsupported charset " + charset);
        }
        Charset cs = charset == null ? StandardCharsets.US_ASCII : Charset.forName(charset);
        if (cs.equals(StandardCharsets.US_ASCII)) {
            cs = StandardCharsets.UTF_8;
        }
        return new String(octets, cs);
    }
}
