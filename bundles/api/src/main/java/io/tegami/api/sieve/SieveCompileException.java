package io.tegami.api.sieve;

import java.util.List;

/** A script that does not parse or validate; carries every error found, in script order. */
public class SieveCompileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The errors, at least one. */
    private final transient List<SieveError> errors;

    /** One error at a location. */
    public SieveCompileException(int line, int column, String message) {
        this(List.of(new SieveError(line, column, message)));
    }

    /** Several errors. */
    public SieveCompileException(List<SieveError> errors) {
        super(errors.isEmpty() ? "invalid script" : errors.get(0).toString());
        this.errors = List.copyOf(errors);
    }

    /** The errors found, at least one. */
    public List<SieveError> errors() {
        return errors;
    }
}
