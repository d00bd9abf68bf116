package io.tegami.smtp.restriction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reply formatting, enhanced status codes and the log line. */
class RejectsTest {

    private final Fixture fixture = new Fixture();

    @Test
    void enhancedStatusCodes() {
        assertTrue(Dsn.valid("5.7.1"));
        assertTrue(Dsn.valid("4.1.10 text"));
        assertTrue(Dsn.valid("2.0.0"));
        assertFalse(Dsn.valid("3.1.1"));
        assertFalse(Dsn.valid("5.01.1"));
        assertFalse(Dsn.valid("5.1.1000"));
        assertFalse(Dsn.valid("5.1.1x"));
        assertEquals(new Dsn.Split("5.7.2", "closed now"), Dsn.split("5.7.1", "  5.7.2   closed now"));
        assertEquals(new Dsn.Split("5.7.1", "just text"), Dsn.split("5.7.1", "just text"));
        assertEquals("4.1.1", Dsn.fix("5.1.1", Names.RECIPIENT));
        assertEquals("4.1.0", Dsn.fix("5.1.1", Names.SENDER));
        assertEquals("4.1.8", Dsn.fix("5.1.2", Names.SENDER));
        assertEquals("4.0.0", Dsn.fix("5.1.1", Names.HELO));
        assertEquals("5.7.1", Dsn.fix("5.7.1", Names.HELO));
    }

    @Test
    void theReplyCodeSetsTheDsnClassAndControlsAreBlanked() {
        CheckState state = fixture.state("RCPT");
        assertEquals(Status.REJECT, Rejects.reject(state, ErrorClass.POLICY, 450, "5.7.1", "a\u0007b"));
        assertEquals("450 4.7.1 a b", state.errorText());
        Rejects.reject(state, ErrorClass.POLICY, 550, "4.1.1", "x".repeat(600));
        assertEquals(510, state.errorText().length());
        Rejects.reject(state, ErrorClass.POLICY, 550, "9.9.9", "x");
        assertEquals("450 4.7.1 Service unavailable", state.errorText());
    }

    @Test
    void warnIfRejectSoftensPolicyButNotConfigurationErrors() {
        CheckState state = fixture.state("RCPT");
        state.warnIfReject = 1;
        assertEquals(Status.DUNNO, Rejects.reject(state, ErrorClass.POLICY, 554, "5.7.1", "no"));
        assertEquals(Status.REJECT, Rejects.reject(state, ErrorClass.SOFTWARE, 451, "4.3.5", "broken"));
    }

    @Test
    void deferIfRejectReplacesALater5xxRejection() {
        CheckState state = fixture.state("RCPT");
        Rejects.deferIfReject(state, ErrorClass.POLICY, 450, "4.7.1", "first reason");
        Rejects.deferIfReject(state, ErrorClass.POLICY, 451, "4.7.1", "second reason");
        assertEquals(Status.REJECT, Rejects.reject(state, ErrorClass.POLICY, 554, "5.7.1", "final"));
        assertEquals("450 4.7.1 first reason", state.errorText());
        assertEquals(Status.REJECT, Rejects.reject(state, ErrorClass.POLICY, 554, "5.7.1", "final"));
        assertEquals("554 5.7.1 final", state.errorText(), "used up");
    }

    @Test
    void logLinesHaveAllTheContext() {
        CheckState state = fixture.state("RCPT");
        state.recipient = "x@example.com";
        assertEquals("NOQUEUE: reject_warning: RCPT from unknown[192.0.2.7]: 554 5.7.1 no; from=<sender@example.com> "
                + "to=<x@example.com> proto=ESMTP helo=<client.example.com>", CheckLog.format(state, "reject_warning", "554 5.7.1 no"));
        state.sender = null;
        state.recipient = null;
        state.helo = null;
        state.where = "CONNECT";
        assertEquals("NOQUEUE: reject: CONNECT from unknown[192.0.2.7]: 554 5.7.1 no; proto=ESMTP",
                CheckLog.format(state, "reject", "554 5.7.1 no"));
    }
}
