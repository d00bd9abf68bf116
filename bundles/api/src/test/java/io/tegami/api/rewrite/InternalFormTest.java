package io.tegami.api.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InternalFormTest {

    @Test
    void splitsAtTheLastAt() {
        assertEquals("a@b", InternalForm.localPart("a@b@example.org"));
        assertEquals("example.org", InternalForm.domain("a@b@example.org"));
        assertEquals("root", InternalForm.localPart("root"));
        assertEquals("", InternalForm.domain("root"));
        assertTrue(InternalForm.isComplete("a@b"));
        assertFalse(InternalForm.isComplete("a@"));
        assertFalse(InternalForm.isComplete("a"));
    }

    @Test
    void externalizeQuotesOnlyWhatNeedsIt() {
        assertEquals("john.doe+tag@example.org", InternalForm.externalize("john.doe+tag@example.org"));
        assertEquals("\"john doe\"@example.org", InternalForm.externalize("john doe@example.org"));
        assertEquals("\"a@b\"@example.org", InternalForm.externalize("a@b@example.org"));
        assertEquals("\"joe.\"@example.org", InternalForm.externalize("joe.@example.org"));
        assertEquals("\"a\\\"b\\\\c\"", InternalForm.externalize("a\"b\\c"));
        assertEquals("jörg@example.org", InternalForm.externalize("jörg@example.org"));
    }

    @Test
    void internalizeUndoesExternalize() {
        for (String internal : new String[] {"john doe@example.org", "a@b@example.org", "a\"b\\c@x", "plain@x", "bare", "joe.@x"}) {
            assertEquals(internal, InternalForm.internalize(InternalForm.externalize(internal)), internal);
        }
        assertEquals("a.b@c", InternalForm.internalize("\"a\".b@c"));
    }
}
