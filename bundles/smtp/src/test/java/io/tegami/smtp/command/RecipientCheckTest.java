package io.tegami.smtp.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecipientCheckTest {

    @Test
    void userNameIsLowerCasedWithoutExtension() {
        assertEquals("alice", RecipientCheck.userName("Alice", ""));
        assertEquals("alice+news", RecipientCheck.userName("alice+news", ""));
        assertEquals("alice", RecipientCheck.userName("alice+news", "+"));
        assertEquals("alice", RecipientCheck.userName("alice-news+x", "+-"));
        // A leading delimiter is part of the name, as in Postfix.
        assertEquals("+news", RecipientCheck.userName("+news", "+"));
    }

    @Test
    void heloNamesAreSanitized() {
        assertEquals("mail.example", HeloCommand.sanitize("mail.example"));
        assertEquals("a?b", HeloCommand.sanitize("a   b"));
        assertEquals("[IPv6:::1]", HeloCommand.sanitize("[IPv6:::1]"));
        assertEquals("x??y", HeloCommand.sanitize("x\u0007;y"));
    }
}
