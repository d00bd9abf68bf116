package io.tegami.shell.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ValueAndNetworkCheckTest {

    @Test
    void numbersTimesBooleansAndSizesInPostfixWords() {
        assertNull(ValueCheck.problem("message_size_limit", "10240000", "0"));
        assertEquals("bad numerical configuration: message_size_limit = 10x",
                ValueCheck.problem("message_size_limit", "10240000", "10x"));
        assertEquals("bad numerical configuration: message_size_limit = 99999999999999999999",
                ValueCheck.problem("message_size_limit", "10240000", "99999999999999999999"));
        assertNull(ValueCheck.problem("smtpd_timeout", "300s", "5m"));
        assertNull(ValueCheck.problem("smtpd_timeout", "300s", "60"));
        assertEquals("parameter smtpd_timeout: bad time value or unit: 300x",
                ValueCheck.problem("smtpd_timeout", "300s", "300x"));
        assertNull(ValueCheck.problem("disable_vrfy_command", "no", "YES"));
        assertEquals("bad boolean configuration: disable_vrfy_command = maybe",
                ValueCheck.problem("disable_vrfy_command", "no", "maybe"));
        assertNull(ValueCheck.problem("imap_max_line_length", "64k", "1M"));
        assertEquals("bad size configuration: imap_max_line_length = lots",
                ValueCheck.problem("imap_max_line_length", "64k", "lots"));
        // Dovecot's ssl takes "required" too, though its default looks boolean.
        assertNull(ValueCheck.problem("ssl", "yes", "required"));
        assertNull(ValueCheck.problem("myhostname", "mx.example.com", "anything at all"));
    }

    @Test
    void zeroDefaultsOfTimesAndSizesAreNotPlainNumbers() {
        assertNull(ValueCheck.problem("sieve_vacation_max_period", "0", "30d"));
        assertNull(ValueCheck.problem("sieve_quota_max_storage", "0", "10M"));
        assertEquals("bad numerical configuration: sieve_max_redirects = 4d",
                ValueCheck.problem("sieve_max_redirects", "4", "4d"));
    }

    @Test
    void mynetworksPatternsAsPostfixCidrMatchSeesThem() {
        assertNull(NetworkCheck.problem("127.0.0.0/8"));
        assertNull(NetworkCheck.problem("[::1]/128"));
        assertNull(NetworkCheck.problem("192.168.1.7"));
        assertEquals("non-null host address bits in \"192.168.1.7/24\", perhaps you should use \"192.168.1.0/24\" instead",
                NetworkCheck.problem("192.168.1.7/24"));
        assertEquals("non-null host address bits in \"[2001:db8::1]/64\", perhaps you should use \"[2001:db8::]/64\" instead",
                NetworkCheck.problem("[2001:db8::1]/64"));
        assertEquals("bad net/mask pattern: \"10.0.0.0/33\"", NetworkCheck.problem("10.0.0.0/33"));
        assertEquals("bad net/mask pattern: \"10.0.0/8\"", NetworkCheck.problem("10.0.0/8"));
    }
}
