package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Validation errors, worded as Pigeonhole's sievec words them (checked against sievec 0.5.19). */
class ValidatorTest {

    private static void check(String expected, String script) {
        assertEquals(expected, Sieve.error(script));
    }

    @Test
    void commandsAndTests() {
        check("1:11: attempted to use test 'header' as command", "if true { header \"a\" \"b\"; }");
        check("1:4: attempted to use command 'keep' as test", "if keep { }");
        check("1:1: unknown command 'fileinto' (only reported once at first occurrence)", "fileinto \"x\";");
        check("1:1: the keep command does not accept a command block, but one is specified anyway", "keep { }");
        check("1:1: the if command requires a command block, but it is missing", "if true;");
        check("1:4: the not test requires one sub-test, but none is specified", "if not { keep; }");
    }

    @Test
    void requireRules() {
        check("1:7: require commands can only be placed at top level at the beginning of the file",
                "keep; require \"fileinto\";");
        check("1:11: require commands can only be placed at top level at the beginning of the file",
                "if true { require \"fileinto\"; }");
        check("1:1: require command: unknown Sieve capability `foo'", "require \"foo\";");
    }

    @Test
    void conditionals() {
        check("1:1: the else command must follow an if or elseif command", "else { keep; }");
        check("1:1: the elsif command must follow an if or elseif command", "elsif true { keep; }");
    }

    @Test
    void arguments() {
        check("1:4: the header test requires 2 positional argument(s), but 1 is/are specified",
                "if header \"a\" { keep; }");
        check("1:1: the keep command requires 0 positional argument(s), but 1 is/are specified", "keep \"x\";");
        check("1:1: the stop command requires 0 positional argument(s), but 1 is/are specified", "stop 3;");
        check("1:10: the redirect command expects a string as argument 1 (address), but a number was found", "redirect 3;");
        check("1:10: the redirect command expects a string as argument 1 (address), but a string list was found",
                "redirect [\"a@b.c\",\"x@y.z\"];");
        check("1:1: specified redirect address 'not an address' is invalid", "redirect \"not an address\";");
        check("1:4: the size test requires either the :under or the :over tag to be specified",
                "if size 3 { keep; }");
    }

    @Test
    void tagsComparatorsMatchTypes() {
        check("1:6: unknown tagged argument ':foo' for the keep command (reported only once at first occurrence)",
                "keep :foo;");
        check("2:10: unknown tagged argument ':copy' for the fileinto command (reported only once at first occurrence)",
                "require \"fileinto\";\nfileinto :copy \"x\";");
        check("1:23: unknown comparator 'i;foo'", "if header :comparator \"i;foo\" \"a\" \"b\" { keep; }");
        check("1:4: encountered duplicate MATCH-TYPE argument (:is) for the header test",
                "if header :contains :is \"a\" \"b\" { keep; }");
        check("1:4: encountered duplicate ADDRESS-PART argument (:domain) for the address test",
                "if address :localpart :domain \"a\" \"b\" { keep; }");
        check("2:4: the specified i;ascii-numeric comparator does not support sub-string matching as required"
                + " by the :contains match type", "require \"comparator-i;ascii-numeric\";\n"
                + "if header :contains :comparator \"i;ascii-numeric\" \"a\" \"b\" { keep; }");
    }

    @Test
    void extensionUnavailableWithoutRequire() {
        check("1:4: unknown test 'envelope' (only reported once at first occurrence)",
                "if envelope \"to\" \"a\" { keep; }");
    }
}
