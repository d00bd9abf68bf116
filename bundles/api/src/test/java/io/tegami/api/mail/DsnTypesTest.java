package io.tegami.api.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tegami.api.mail.RecipientDsn.Notify;

/** RFC 3461 values: NOTIFY defaults, ORCPT parts, xtext, and envelopes rebuilt by rewriting. */
class DsnTypesTest {

    @Test
    void withoutNotifyFailuresAndDelaysAreReportedAndNeverMeansNever() {
        assertTrue(RecipientDsn.NONE.wants(Notify.FAILURE));
        assertTrue(RecipientDsn.NONE.wants(Notify.DELAY));
        assertFalse(RecipientDsn.NONE.wants(Notify.SUCCESS));
        RecipientDsn never = new RecipientDsn(EnumSet.of(Notify.NEVER), null);
        assertFalse(never.wants(Notify.FAILURE));
        assertEquals("NEVER", never.notifyText());
        RecipientDsn success = new RecipientDsn(EnumSet.of(Notify.DELAY, Notify.SUCCESS), "rfc822;b@x");
        assertTrue(success.wants(Notify.SUCCESS));
        assertFalse(success.wants(Notify.FAILURE));
        assertEquals("SUCCESS,DELAY", success.notifyText());
        assertEquals("rfc822", success.orcptType());
        assertEquals("b@x", success.orcptAddress());
        assertNull(RecipientDsn.NONE.notifyText());
        assertThrows(IllegalArgumentException.class, () -> new RecipientDsn(EnumSet.of(Notify.NEVER, Notify.DELAY), null));
    }

    @Test
    void xtextDecodesLikePostfixAndEncodesStrictly() {
        assertEquals("env+id=1", Xtext.decode("env+2Bid+3D1"));
        assertEquals("a b", Xtext.decode("a+20b"));
        assertEquals("a+b", Xtext.decode("a+2bb").replace("+b", "+b"));
        assertEquals("a=b", Xtext.decode("a=b"), "characters xtext should have encoded are taken as they are");
        assertNull(Xtext.decode("ab+zz"));
        assertNull(Xtext.decode("ab+2"));
        assertEquals("", Xtext.decode(""));
        assertEquals("env+2Bid+3D1+20", Xtext.encode("env+id=1 "));
        assertEquals("+C3+A9", Xtext.encode("\u00e9"));
        assertEquals("b\u00e9@x", Xtext.decodeUtf8("b\\x{E9}@x"));
        assertEquals("\u00e9t\u00e9", Xtext.decodeUtf8("\u00e9t\\x{e9}"));
        assertEquals("\ud83d\ude00", Xtext.decodeUtf8("\\x{1F600}"));
        assertNull(Xtext.decodeUtf8("a\\x{}"));
        assertNull(Xtext.decodeUtf8("a\\x{D800}"));
        assertNull(Xtext.decodeUtf8("a\\x{110000}"));
        assertNull(Xtext.decodeUtf8("a\\x{12"));
    }

    @Test
    void envelopesKeepDsnParametersThroughRewriting() {
        MailAddress bob = MailAddress.parse("bob@old.example");
        MailAddress bobby = MailAddress.parse("bobby@old.example");
        MailAddress carol = MailAddress.parse("carol@old.example");
        RecipientDsn d = new RecipientDsn(EnumSet.of(Notify.SUCCESS), "rfc822;bob@old.example");
        Envelope e = new Envelope(MailAddress.parse("a@x.example"), List.of(bob, bobby, carol),
                Map.of(Envelope.DSN_RET, "HDRS", Envelope.SMTPUTF8, "yes"), Map.of(bob, d, MailAddress.parse("z@q"), d));
        assertEquals(Map.of(bob, d), e.recipientDsn(), "entries for non-recipients are dropped");
        assertEquals(RecipientDsn.NONE, e.dsn(carol));
        assertEquals("HDRS", e.dsnRet());
        assertTrue(e.smtputf8());
        MailAddress robert = MailAddress.parse("robert@new.example");
        Envelope rewritten = e.withAddresses(MailAddress.parse("a@new.example"), List.of(robert, robert, carol));
        assertEquals(List.of(robert, carol), rewritten.recipients());
        assertEquals(d, rewritten.dsn(robert));
        assertEquals(e.attributes(), rewritten.attributes());
        assertEquals(new Envelope(e.sender(), e.recipients(), e.attributes()).recipientDsn(), Map.of());
        assertThrows(IllegalArgumentException.class, () -> e.withAddresses(e.sender(), List.of(robert)));
    }
}
