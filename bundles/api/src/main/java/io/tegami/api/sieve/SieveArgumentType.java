package io.tegami.api.sieve;

/** The type of a positional argument or of the value following a tag. */
public enum SieveArgumentType {
    /** Nothing (a tag that stands alone). */
    NONE,
    /** A single string. */
    STRING,
    /** A string list; a single string is accepted as a list of one. */
    STRING_LIST,
    /** A number (with K, M or G quantifiers). */
    NUMBER
}
