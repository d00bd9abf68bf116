package io.tegami.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ParameterExpanderTest {

    private final ParameterExpander expander = ParameterExpander.over(Map.of(
            "myhostname", "mail.example.org",
            "mydomain", "example.org",
            "mydestination", "$myhostname, localhost.$mydomain, localhost",
            "empty", "",
            "loop_a", "$loop_b",
            "loop_b", "x $loop_a"));

    @Test
    void expandsPlainAndBracedReferences() {
        assertEquals("mail.example.org, localhost.example.org, localhost", expander.valueOf("mydestination"));
        assertEquals("at mail.example.org.", expander.expand("at ${myhostname}."));
        assertEquals("at mail.example.org", expander.expand("at $(myhostname)"));
    }

    @Test
    void conditionalForms() {
        assertEquals("yes", expander.expand("${myhostname?yes}"));
        assertEquals("", expander.expand("${empty?yes}"));
        assertEquals("no", expander.expand("${empty:no}"));
        assertEquals("", expander.expand("${myhostname:no}"));
        assertEquals("host mail.example.org", expander.expand("${myhostname?host $myhostname}"));
    }

    @Test
    void unknownNamesExpandToEmptyAndUnknownParameterIsNull() {
        assertEquals("a  b", expander.expand("a $nothing b"));
        assertNull(expander.valueOf("nothing"));
    }

    @Test
    void dollarWithoutNameStaysLiteral() {
        assertEquals("cost $ 5", expander.expand("cost $ 5"));
        assertEquals("end$", expander.expand("end$"));
        assertEquals("${open", expander.expand("${open"));
    }

    @Test
    void loopsEndWithAnError() {
        assertThrows(IllegalArgumentException.class, () -> expander.valueOf("loop_a"));
    }
}
