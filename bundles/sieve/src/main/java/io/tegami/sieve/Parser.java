package io.tegami.sieve;

import io.tegami.api.sieve.SieveCompileException;
import java.util.ArrayList;
import java.util.List;

/** Builds the syntax tree of RFC 5228 section 8.2 from tokens; reports the first syntax error. */
final class Parser {

    private final List<Token> tokens;
    private int pos;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a whole script into its top-level commands. */
    static List<Node> parse(String text) throws SieveCompileException {
        Parser p = new Parser(Lexer.tokenize(text));
        List<Node> commands = p.commands();
        Token t = p.peek();
        if (t.kind() != Token.Kind.EOF) {
            throw p.error(t, "unexpected " + t.describe() + " found at (the end of) the script");
        }
        return commands;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token take() {
        return tokens.get(pos++);
    }

    private SieveCompileException error(Token t, String message) {
        return new SieveCompileException(t.line(), t.column(), message);
    }

    private List<Node> commands() throws SieveCompileException {
        List<Node> list = new ArrayList<>();
        while (peek().kind() == Token.Kind.IDENTIFIER) {
            list.add(command());
        }
        return list;
    }

    private Node command() throws SieveCompileException {
        Token id = take();
        Node node = new Node(id.text().toLowerCase(java.util.Locale.ROOT), id.line(), id.column());
        arguments(node);
        Token t = take();
        if (t.kind() == Token.Kind.SEMICOLON) {
            return node;
        }
        if (t.kind() == Token.Kind.LBRACE) {
            node.block = commands();
            Token close = take();
            if (close.kind() != Token.Kind.RBRACE) {
                throw error(close, "expected end of compound block '}', but found " + close.describe());
            }
            return node;
        }
        throw error(t, "expected end of command ';' or the beginning of a compound block '{', but found "
                + t.describe());
    }

    private void arguments(Node node) throws SieveCompileException {
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case TAG -> {
                    take();
                    node.args.add(new Arg.Tag(":" + t.text().toLowerCase(java.util.Locale.ROOT), t.line(), t.column()));
                }
                case NUMBER -> {
                    take();
                    node.args.add(new Arg.Num(t.number(), t.line(), t.column()));
                }
                case STRING -> {
                    take();
                    node.args.add(new Arg.Str(List.of(t.text()), false, t.line(), t.column()));
                }
                case LBRACKET -> node.args.add(stringList());
                case IDENTIFIER -> {
                    node.tests.add(test());
                    return;
                }
                case LPAREN -> {
                    testList(node);
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private Arg.Str stringList() throws SieveCompileException {
        Token open = take();
        List<String> values = new ArrayList<>();
        while (true) {
            Token s = take();
            if (s.kind() != Token.Kind.STRING) {
                throw error(s, "expecting string after '" + (values.isEmpty() ? "[" : ",") + "' in string list, but found " + s.describe());
            }
            values.add(s.text());
            Token sep = take();
            if (sep.kind() == Token.Kind.RBRACKET) {
                return new Arg.Str(values, true, open.line(), open.column());
            }
            if (sep.kind() != Token.Kind.COMMA) {
                throw error(sep, "expected ',' or end of string list ']', but found " + sep.describe());
            }
        }
    }

    private Node test() throws SieveCompileException {
        Token id = take();
        Node node = new Node(id.text().toLowerCase(java.util.Locale.ROOT), id.line(), id.column());
        arguments(node);
        return node;
    }

    private void testList(Node node) throws SieveCompileException {
        take();
        while (true) {
            Token t = peek();
            if (t.kind() != Token.Kind.IDENTIFIER) {
                throw error(t, "expecting test identifier after '(' in test list, but found " + t.describe());
            }
            node.tests.add(test());
            Token sep = take();
            if (sep.kind() == Token.Kind.RPAREN) {
                return;
            }
            if (sep.kind() != Token.Kind.COMMA) {
                throw error(sep, "expected ',' or end of test list ')', but found " + sep.describe());
            }
        }
    }
}
