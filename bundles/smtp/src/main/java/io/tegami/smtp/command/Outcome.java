package io.tegami.smtp.command;

/** How a command went, for the error limit and the per-command counts of the disconnect line. */
public enum Outcome {
    /** The command did what was asked. */
    SUCCESS,
    /** The command was refused; counts towards {@code smtpd_hard_error_limit}. */
    FAILURE,
    /** Decided later: DATA succeeds or fails only after the message has arrived. */
    PENDING
}
