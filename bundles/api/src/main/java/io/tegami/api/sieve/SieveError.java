package io.tegami.api.sieve;

/**
 * One problem found in a script.
 *
 * @param line 1-based line of the offending token
 * @param column 1-based column of the offending token
 * @param message Pigeonhole's wording, without the location ({@code unknown command 'fileinto'})
 */
public record SieveError(int line, int column, String message) {

    /** The error in {@code sievec}'s form: {@code NAME: line L: error: MESSAGE.} */
    public String format(String scriptName) {
        return scriptName + ": line " + line + ": error: " + message + ".";
    }

    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
