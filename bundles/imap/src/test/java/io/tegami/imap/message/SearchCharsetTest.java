package io.tegami.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SearchCharsetTest {

    @Test
    void charsets() {
        assertTrue(SearchCharset.isSupported("utf-8"));
        assertTrue(SearchCharset.isSupported("US-ASCII"));
        assertTrue(SearchCharset.isSupported("ISO-8859-1"));
        assertFalse(SearchCharset.isSupported("X-NOPE"));
        assertFalse(SearchCharset.isSupported("bad name!"));
        assertFalse(SearchCharset.isSupported(null));
        byte[] cafe = "café".getBytes(StandardCharsets.UTF_8);
        assertEquals("café", SearchCharset.decode(cafe, "UTF-8"));
        assertEquals("café", SearchCharset.decode(cafe, null));
        assertEquals("café", SearchCharset.decode(cafe, "us-ascii"));
        assertEquals("café", SearchCharset.decode("café".getBytes(StandardCharsets.ISO_8859_1), "ISO-8859-1"));
        assertThrows(IllegalArgumentException.class, () -> SearchCharset.decode(cafe, "X-NOPE"));
    }
}
