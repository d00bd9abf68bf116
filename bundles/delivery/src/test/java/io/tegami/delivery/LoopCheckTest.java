package io.tegami.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.tegami.api.mail.Envelope;
import io.tegami.api.mail.MailAddress;
import org.junit.jupiter.api.Test;

/** The Delivered-To: loop test reads the header only, in any case, with any line ending. */
class LoopCheckTest {

    private static boolean looped(String content, String recipient) throws Exception {
        Fakes.Message message = new Fakes.Message(
                Envelope.of(MailAddress.parse("a@example.org"), List.of(MailAddress.parse("b@example.org"))), content);
        boolean result = LoopCheck.deliveredBefore(message, recipient);
        assertEquals(0, message.open, "stream closed");
        return result;
    }

    @Test
    void findsTheRecipientInTheHeaderOnly() throws Exception {
        assertTrue(looped("Received: x\nDelivered-To: bob@example.org\nSubject: s\n\nbody\n", "bob@example.org"));
        assertTrue(looped("DELIVERED-TO:   Bob@Example.ORG  \n\n", "bob@example.org"));
        assertTrue(looped("Subject: s\r\ndelivered-to: bob@example.org\r\n\r\n", "BOB@example.org"));
        assertTrue(looped("Subject: s\rDelivered-To: bob@example.org", "bob@example.org"));
        assertFalse(looped("Subject: s\n\nDelivered-To: bob@example.org\n", "bob@example.org"));
        assertFalse(looped("Subject: s\r\n\r\nDelivered-To: bob@example.org\r\n", "bob@example.org"));
        assertFalse(looped("Delivered-To: ann@example.org\nX-Delivered-To: bob@example.org\n\n", "bob@example.org"));
        assertFalse(looped("Delivered-To bob@example.org\n\n", "bob@example.org"));
        assertFalse(looped("", "bob@example.org"));
        assertTrue(looped("Delivered-To: jörg@example.org\n\n", "jörg@example.org"));
        assertTrue(looped("X: " + "y".repeat(10000) + "\nDelivered-To: " + "z".repeat(5000) + "@example.org\n\n",
                "z".repeat(5000) + "@example.org"));
    }
}
