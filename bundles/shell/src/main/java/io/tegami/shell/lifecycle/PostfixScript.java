package io.tegami.shell.lifecycle;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.shell.CommandFailedException;

/**
 * postfix-script's voice: every message is {@code postfix/postfix-script: [level: ]text}, written
 * to the command's error stream as Postfix's {@code postlog} writes to a terminal, and logged
 * under the same tag, as postlog also sends it to syslog.
 */
public final class PostfixScript {

    /** The tag Postfix's postfix-script logs under. */
    public static final String TAG = "postfix/postfix-script";

    private static final Logger LOG = LoggerFactory.getLogger(TAG);

    private PostfixScript() {
    }

    /** An informational line ({@code postfix/postfix-script: refreshing the Postfix mail system}). */
    public static void info(PrintStream err, String text) {
        err.println(TAG + ": " + text);
        LOG.info("{}", text);
    }

    /** A warning line ({@code postfix/postfix-script: warning: ...}). */
    public static void warning(PrintStream err, String text) {
        err.println(TAG + ": warning: " + text);
        LOG.warn("{}", text);
    }

    /** An error line that does not end the command ({@code postfix/postfix-script: error: ...}). */
    public static void error(PrintStream err, String text) {
        err.println(TAG + ": error: " + text);
        LOG.error("{}", text);
    }

    /** The failure that ends the command with exit status 1 ({@code postfix/postfix-script: fatal: ...}). */
    public static CommandFailedException fatal(String text) {
        LOG.error("fatal: {}", text);
        return new CommandFailedException(1, TAG + ": fatal: " + text);
    }
}
