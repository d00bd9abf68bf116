package io.tegami.shell.check;

import java.io.PrintStream;

import io.tegami.shell.lifecycle.PostfixScript;

/**
 * What {@code postfix check} found, printed as it is found in postfix-script's words: warnings
 * ({@code postfix/postfix-script: warning: ...}) leave the exit status alone, errors
 * ({@code postfix/postfix-script: error: ...}) make the check fail at the end.
 */
final class Findings {

    private final PrintStream err;
    private int warnings;
    private int errors;

    Findings(PrintStream err) {
        this.err = err;
    }

    void warning(String text) {
        warnings++;
        PostfixScript.warning(err, text);
    }

    void error(String text) {
        errors++;
        PostfixScript.error(err, text);
    }

    int warnings() {
        return warnings;
    }

    int errors() {
        return errors;
    }
}
