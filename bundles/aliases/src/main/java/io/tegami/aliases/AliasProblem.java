package io.tegami.aliases;

/**
 * One error found in an aliases(5) file, printed as postalias(1) prints its warnings:
 * {@code /etc/aliases, line 12: need name:value pair}.
 *
 * @param file the file, as configured
 * @param line the 1-based line number where the logical line starts
 * @param message what is wrong
 */
public record AliasProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ", line " + line + ": " + message;
    }
}
