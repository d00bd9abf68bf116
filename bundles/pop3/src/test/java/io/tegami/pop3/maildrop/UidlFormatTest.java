package io.tegami.pop3.maildrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Dovecot's pop3_uidl_format, as Dovecot 2.3's var_expand expands it: the default was checked
 * against Debian's dovecot-pop3d, which answers {@code 000000016b09f2d0} for UID 1 in a folder of
 * UIDVALIDITY 0x6b09f2d0 ({@code X} is lower-case hex).
 */
class UidlFormatTest {

    @Test
    void dovecotDefault() {
        assertEquals("000000016b09f2d0", UidlFormat.DEFAULT.format(1, 0x6b09f2d0L));
        assertEquals("0001e240ffffffff", UidlFormat.DEFAULT.format(123456, 0xFFFFFFFFL));
    }

    @Test
    void otherFormats() {
        assertEquals("17.1700000000", UidlFormat.parse("%u.%v").format(17, 1700000000L));
        assertEquals("0000000011", UidlFormat.parse("%010u").format(11, 5));
        assertEquals("FF-5", UidlFormat.parse("%XUu-%v").format(255, 5), "modifiers chain");
        assertEquals("12", UidlFormat.parse("%2u").format(12345, 5), "a width without 0 takes a prefix");
        assertEquals("345", UidlFormat.parse("%2.3u").format(123456, 5), "offset.width");
        assertEquals("56", UidlFormat.parse("%-2.2u").format(123456, 5), "negative offset counts from the end");
        assertEquals("a%1", UidlFormat.parse("a%%%u").format(1, 5));
        assertEquals("1-5", UidlFormat.parse("%{uid}-%{uidvalidity}").format(1, 5));
        assertEquals("c4ca4238a0b923820dcc509a6f75849b", UidlFormat.parse("%Mu").format(1, 5));
    }

    @Test
    void unsupportedKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> UidlFormat.parse("%m"));
        assertThrows(IllegalArgumentException.class, () -> UidlFormat.parse("%08Xv"), "no %u: not unique");
        assertThrows(IllegalArgumentException.class, () -> UidlFormat.parse("%u%"));
        assertThrows(IllegalArgumentException.class, () -> UidlFormat.parse("%{guid}%u"));
    }
}
