package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveResult;
import org.junit.jupiter.api.Test;

/** variables (RFC 5229), with the examples of sections 3 and 4. */
class VariablesTest {

    private static String fileinto(String body) throws SieveCompileException {
        return Sieve.actions("require [\"variables\", \"fileinto\"];\n" + body);
    }

    @Test
    void modifiersSection4() throws SieveCompileException {
        String set = "set \"a\" \"juMBlEd lETteRS\";\n";
        assertEquals("store message in folder: 15;", fileinto(set + "set :length \"b\" \"${a}\"; fileinto \"${b}\";"));
        assertEquals("store message in folder: jumbled letters;",
                fileinto(set + "set :lower \"b\" \"${a}\"; fileinto \"${b}\";"));
        assertEquals("store message in folder: JuMBlEd lETteRS;",
                fileinto(set + "set :upperfirst \"b\" \"${a}\"; fileinto \"${b}\";"));
        assertEquals("store message in folder: Jumbled letters;",
                fileinto(set + "set :upperfirst :lower \"b\" \"${a}\"; fileinto \"${b}\";"));
        assertEquals("store message in folder: Rock\\*;",
                fileinto("set :quotewildcard \"b\" \"Rock*\"; fileinto \"${b}\";"));
    }

    @Test
    void referencesSection3() throws SieveCompileException {
        // "${a}" with a = "b" gives "b"; "${${a}}" is not a reference to ${b}; unknown ones are empty.
        assertEquals("store message in folder: [b][${b}][];",
                fileinto("set \"a\" \"b\"; fileinto \"[${a}][$${${a}}][${unknown}]\";".replace("$${", "${")));
        assertEquals("store message in folder: ${0x}x;", fileinto("set \"a\" \"x\"; fileinto \"${0x}${A}\";"));
    }

    @Test
    void matchVariablesSection3_2() throws SieveCompileException {
        SieveResult r = Sieve.run("require [\"variables\", \"fileinto\"];\n"
                + "if header :matches \"List-ID\" \"*<*@*\" { fileinto \"INBOX.lists.${2}\"; stop; }\n"
                + "if header :matches \"Subject\" \"[*] *\" { fileinto \"INBOX.lists.${1}\"; stop; }\n",
                "Subject: [acme-users] [fwd] version 1.0 is out\n\nbody\n", SieveLimits.DEFAULT);
        assertEquals("store message in folder: INBOX.lists.acme-users", r.actions().get(0).describe().get(0));
    }

    @Test
    void matchVariablesAreNonGreedy() throws SieveCompileException {
        SieveResult r = Sieve.run("require [\"variables\", \"fileinto\"];\n"
                + "if header :matches \"To\" \"*@*.*\" { fileinto \"${1}|${2}|${3}|${0}\"; }",
                "To: a@b.c.d\n\nx\n", SieveLimits.DEFAULT);
        assertEquals("store message in folder: a|b|c.d|a@b.c.d", r.actions().get(0).describe().get(0));
    }

    @Test
    void stringTest() throws SieveCompileException {
        assertEquals("discard;", Sieve.actions("require \"variables\"; set \"x\" \"abc\";"
                + " if string :contains \"${x}\" \"b\" { discard; }"));
    }

    @Test
    void invalidVariableName() {
        assertEquals("1:22: invalid variable name 'a-b'", Sieve.error("require \"variables\"; set \"a-b\" \"x\";"));
    }
}
