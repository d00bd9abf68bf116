package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveResult.HeaderEdit;
import io.tegami.api.sieve.SieveResult.HeaderEdit.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** editheader (RFC 5293): the edits a delivery agent must apply, and their visibility to tests. */
class EditheaderTest {

    private static final String MESSAGE = "X-A: one\nX-A: two\nSubject: s\nReceived: from a\n\nbody\n";

    @Test
    void editsReachTheResult() throws SieveCompileException {
        SieveResult r = Sieve.run("require \"editheader\";\n"
                + "addheader \"X-New\" \"top\";\naddheader :last \"X-End\" \"bottom\";\n"
                + "deleteheader :index 2 \"x-a\";\naddheader \"X-Tmp\" \"gone\";\ndeleteheader \"x-tmp\";\n"
                + "deleteheader \"received\";", MESSAGE, SieveLimits.DEFAULT);
        assertEquals(List.of(new HeaderEdit(Kind.DELETE, "x-a", null, 2),
                new HeaderEdit(Kind.PREPEND, "X-New", "top", 0),
                new HeaderEdit(Kind.APPEND, "X-End", "bottom", 0)), r.headerEdits());
    }

    @Test
    void deleteheaderWithValuePatterns() throws SieveCompileException {
        SieveResult r = Sieve.run("require \"editheader\";\ndeleteheader :matches \"x-a\" \"t*\";\n"
                + "if header :is \"x-a\" \"one\" { discard; }", MESSAGE, SieveLimits.DEFAULT);
        assertEquals(List.of(new HeaderEdit(Kind.DELETE, "x-a", null, 2)), r.headerEdits());
        assertEquals(1, r.actions().size());
    }

    @Test
    void invalidFieldName() {
        assertEquals("2:1: addheader command: specified field name `X Bad' is invalid",
                Sieve.error("require \"editheader\";\naddheader \"X Bad\" \"v\";"));
    }
}
