package io.tegami.shell.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tegami.shell.CommandFailedException;

/** sendmail's getopt-style command line. */
class SendmailOptionsTest {

    private static SendmailOptions parse(String... args) {
        return SendmailOptions.parse(args);
    }

    @Test
    void optionsAndRecipients() {
        SendmailOptions o = parse("-ti", "-f", "bob", "-FBob B", "-oem", "-odb", "-v", "-N", "never", "x@y.org", "-z");
        assertEquals(SendmailOptions.Mode.DELIVER, o.mode());
        assertTrue(o.extract());
        assertTrue(o.ignoreDots());
        assertEquals("bob", o.sender());
        assertEquals("Bob B", o.fullName());
        assertEquals(List.of("x@y.org", "-z"), o.recipients(), "options end at the first recipient");
        assertTrue(parse("-oi").ignoreDots());
        assertFalse(parse("-oem").ignoreDots());
        assertEquals("alice", parse("-ralice").sender());
        assertEquals(List.of("-x@y"), parse("--", "-x@y").recipients());
    }

    @Test
    void modes() {
        assertEquals(SendmailOptions.Mode.LIST, parse("-bp").mode());
        assertEquals(SendmailOptions.Mode.FLUSH, parse("-q").mode());
        assertEquals(SendmailOptions.Mode.DELIVER, parse("-q30m", "bob").mode(), "-qInterval is ignored");
        SendmailOptions one = parse("-qI0123456789AB");
        assertEquals(SendmailOptions.Mode.FLUSH_ONE, one.mode());
        assertEquals("0123456789AB", one.queueId());
        assertNull(parse("bob").sender());
        assertEquals("sendmail: fatal: -bs is not supported",
                assertThrows(CommandFailedException.class, () -> parse("-bs")).getMessage());
        assertEquals("sendmail: fatal: option requires an argument -- f",
                assertThrows(CommandFailedException.class, () -> parse("-f")).getMessage());
    }
}
