package io.tegami.api.sieve;

import java.util.List;

/** A script that does not parse or validate; carries every error found, in script order. */
public class SieveCompileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The errors, at least one. */
    private final transient List<SieveError> errors;

    /** Whether the script did not parse (as opposed to parsing but failing validation). */
    private final boolean parseFailure;

    /** One error at a location. */
    public SieveCompileException(int line, int column, String message) {
        this(List.of(new SieveError(line, column, message)));
    }

    /** Several errors. */
    public SieveCompileException(List<SieveError> errors) {
        this(errors, false);
    }

    /**
     * Several errors, saying at which stage the script failed.
     *
     * @param parseFailure true when the script did not parse (Pigeonhole's {@code parse failed}),
     *        false when it parsed and failed validation ({@code validation failed})
     * @since 1.2
     */
    public SieveCompileException(List<SieveError> errors, boolean parseFailure) {
        super(errors.isEmpty() ? "invalid script" : errors.get(0).toString());
        this.errors = List.copyOf(errors);
        this.parseFailure = parseFailure;
    }

    /**
     * Whether the script failed to parse, rather than to validate; Pigeonhole ends its error list
     * with {@code error: parse failed.} or {@code error: validation failed.} accordingly.
     *
     * @since 1.2
     */
    public boolean parseFailure() {
        return parseFailure;
    }

    /** The errors found, at least one. */
    public List<SieveError> errors() {
        return errors;
    }
}
