package io.tegami.sieve;

import java.util.List;

/** A parsed argument: a tag, a number or a string (list). */
sealed interface Arg {

    /** 1-based line. */
    int line();

    /** 1-based column. */
    int column();

    /** How Pigeonhole names the argument's type in errors. */
    String describe();

    /** A tag such as {@code :contains}; {@code name} includes the colon. */
    record Tag(String name, int line, int column) implements Arg {
        @Override
        public String describe() {
            return "tag " + name;
        }
    }

    /** A number, quantifiers applied. */
    record Num(long value, int line, int column) implements Arg {
        @Override
        public String describe() {
            return "number";
        }
    }

    /** A string or string list; {@code list} tells whether brackets were used. */
    record Str(List<String> values, boolean list, int line, int column) implements Arg {
        @Override
        public String describe() {
            return list ? "string list" : "string";
        }
    }
}
