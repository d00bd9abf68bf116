package io.tegami.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tegami.api.rewrite.RewriteException;
import org.junit.jupiter.api.Test;

/** Header address parsing through mime4j: only addr-specs change, everything around them stays. */
class HeaderAddressesTest {

    private static final Map<String, String> MAP = Map.of(
            "joe@example.com", "joseph@example.org",
            "ann@example.com", "anne@example.org",
            "joe", "joe@mail.example.com",
            "ann", "ann@mail.example.com",
            "john doe@example.com", "jd@example.org",
            "jörg@example.com", "joerg@example.org",
            "bob@example.com", "bob smith@example.org");

    private final List<String> seen = new ArrayList<>();

    private String rewrite(String value) throws RewriteException {
        return HeaderAddresses.rewrite(value, a -> {
            seen.add(a);
            return MAP.getOrDefault(a, a);
        });
    }

    @Test
    void displayNamesCommentsAndEncodedWordsStay() throws Exception {
        assertEquals(" \"Doe, Joe\" (work) <joseph@example.org>, =?utf-8?q?J=C3=B6rg?= <anne@example.org>",
                rewrite(" \"Doe, Joe\" (work) <joe@example.com>, =?utf-8?q?J=C3=B6rg?= <ann@example.com>"));
        assertEquals(" joseph@example.org (Joe at work)", rewrite(" joe@example.com (Joe at work)"));
    }

    @Test
    void groupsKeepTheirSyntax() throws Exception {
        assertEquals(" Team: joseph@example.org, Ann <anne@example.org>;, other@example.net",
                rewrite(" Team: joe@example.com, Ann <ann@example.com>;, other@example.net"));
        assertNull(rewrite(" undisclosed-recipients:;"));
    }

    @Test
    void foldingIsKept() throws Exception {
        assertEquals(" Joe <joseph@example.org>,\n\tAnn\n <anne@example.org>",
                rewrite(" Joe <joe@example.com>,\n\tAnn\n <ann@example.com>"));
    }

    @Test
    void quotedLocalPartsAreUnquotedForRewritersAndQuotedAgain() throws Exception {
        assertEquals(" <jd@example.org>", rewrite(" <\"john doe\"@example.com>"));
        assertEquals(" Bob <\"bob smith\"@example.org>", rewrite(" Bob <bob@example.com>"));
        assertEquals(List.of("john doe@example.com", "bob@example.com"), seen);
    }

    @Test
    void utf8AddressesAreDecodedForRewriters() throws Exception {
        String latin1 = HeaderAddresses.encode(" Jörg <jörg@example.com>");
        assertEquals(HeaderAddresses.encode(" Jörg <joerg@example.org>"), rewrite(latin1));
    }

    @Test
    void incompleteAddressesGoThroughTheLenientParser() throws Exception {
        assertEquals(" joe@mail.example.com, Ann Smith <ann@mail.example.com> (boss)",
                rewrite(" joe, Ann Smith <ann> (boss)"));
        assertEquals(" joe@mail.example.com (Joe User)", rewrite(" joe (Joe User)"));
        assertEquals(" Team: joe@mail.example.com, ann@mail.example.com;", rewrite(" Team: joe, ann;"));
    }

    @Test
    void nothingChangedGivesNull() throws Exception {
        assertNull(rewrite(" Someone <someone@example.net>, x@[192.0.2.1]"));
        assertNull(rewrite(" "));
        assertNull(rewrite(" <<<>>> ,,, \"unterminated"));
    }

    @Test
    void lookupFailuresPropagate() {
        assertThrows(RewriteException.class, () -> HeaderAddresses.rewrite(" a@b.c", a -> {
            throw new RewriteException("table down");
        }));
    }

    /** The parser-free path must give exactly what the grammar gives, and take nothing it would read otherwise. */
    @Test
    void simpleValuesMatchTheGrammar() throws Exception {
        for (String value : List.of(" <joe@example.com>", " joe@example.com", "\t<bob@example.com>  ", "joe.x+y=z@a-b.example.com",
                " <j_o@localhost>", " ann@example.com ")) {
            List<String> fast = new ArrayList<>();
            List<String> parsed = new ArrayList<>();
            List<HeaderAddresses.Splice> a = HeaderAddresses.simple(value, x -> {
                fast.add(x);
                return MAP.getOrDefault(x, x.toUpperCase(java.util.Locale.ROOT));
            });
            List<HeaderAddresses.Splice> b = HeaderAddresses.strict(value, x -> {
                parsed.add(x);
                return MAP.getOrDefault(x, x.toUpperCase(java.util.Locale.ROOT));
            });
            assertEquals(parsed, fast, value);
            assertEquals(b, a, value);
        }
        for (String value : List.of(" joe", " <joe>", " \"j o\"@example.com", " joe@example.com, ann@example.com",
                " Joe <joe@example.com>", " joe@example.com (Joe)", " <joe@example.com", " joe..x@example.com",
                " .joe@example.com", " joe@example.com.", " joe@@example.com", " <>", " joe@[192.0.2.1]",
                " jörg@example.com", " joe@example.com\n\t", " joe@exam ple.com")) {
            assertNull(HeaderAddresses.simple(value, x -> x), value);
        }
        assertEquals(" <joseph@example.org>", rewrite(" <joe@example.com>"));
        assertNull(rewrite(" <nobody@example.com>"));
    }
}
