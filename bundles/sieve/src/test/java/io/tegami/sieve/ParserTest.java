package io.tegami.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tegami.api.sieve.SieveCompileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lexer and parser: RFC 5228 section 2 and 8, with Pigeonhole's error texts and locations. */
class ParserTest {

    private static Node first(String script) throws SieveCompileException {
        return Parser.parse(script).get(0);
    }

    @Test
    void quotedStringEscapes() throws SieveCompileException {
        Node n = first("x \"a\\\"b\\\\c\\d\";");
        assertEquals(List.of("a\"b\\cd"), ((Arg.Str) n.args.get(0)).values());
    }

    @Test
    void multiLineWithDotStuffing() throws SieveCompileException {
        Node n = first("x text: # comment\nline one\n..two\n.\n;");
        assertEquals(List.of("line one\r\n.two\r\n"), ((Arg.Str) n.args.get(0)).values());
    }

    @Test
    void numbersWithQuantifiers() throws SieveCompileException {
        Node n = first("x 1 2K 3M 1G;");
        assertEquals(List.of(1L, 2048L, 3L << 20, 1L << 30),
                n.args.stream().map(a -> ((Arg.Num) a).value()).toList());
    }

    @Test
    void stringListsTagsAndTestLists() throws SieveCompileException {
        Node n = first("if anyof (header :is [\"a\", \"b\"] \"c\", true) { keep; }");
        assertEquals(2, n.tests.get(0).tests.size());
        Node header = n.tests.get(0).tests.get(0);
        assertEquals(":is", ((Arg.Tag) header.args.get(0)).name());
        assertEquals(List.of("a", "b"), ((Arg.Str) header.args.get(1)).values());
        assertEquals(1, n.block.size());
    }

    @Test
    void commentsAreSkippedAndLinesCounted() throws SieveCompileException {
        Node n = Parser.parse("# one\n/* two\nthree */ keep;\n  stop;").get(1);
        assertEquals(4, n.line);
        assertEquals(3, n.column);
    }

    @Test
    void syntaxErrorsHaveLocationAndPigeonholeText() {
        assertEquals("2:1: expected end of command ';' or the beginning of a compound block '{', but found '}'",
                Sieve.error("keep\n}"));
        assertEquals("3:1: expected end of compound block '}', but found end of file",
                Sieve.error("if header \"a\" \"b\" {\nkeep;\n"));
        assertEquals("3:1: end of file before end of bracket comment ('/* ... */') started at line 2",
                Sieve.error("keep;\n/* unterminated\n"));
        assertEquals("2:1: end of file before end of quoted string started at line 1",
                Sieve.error("if header \"a \"b\" { keep; }\n"));
        assertEquals("1:17: expecting string after ',' in string list, but found number",
                Sieve.error("if header [\"a\", 3] \"b\" { keep; }"));
        assertEquals("1:11: expecting test identifier after '(' in test list, but found ')'",
                Sieve.error("if anyof () { keep; }"));
    }
}
