package io.tegami.imap.session;

import io.tegami.api.net.Line;

/**
 * A command that reads further lines before it completes (AUTHENTICATE's challenges, IDLE's
 * {@code DONE}): while one runs, the session hands it every input line instead of parsing commands.
 */
public interface LineDialog {

    /**
     * One line, or a fragment of an over-long one.
     *
     * @return true when the dialog has ended and commands follow again
     */
    boolean lineReceived(Line line);

    /** The session ends (closed, timed out, shut down) before the dialog did: forget secrets. */
    void abort();
}
