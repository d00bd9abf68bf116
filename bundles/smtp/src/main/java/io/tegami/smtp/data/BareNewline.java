package io.tegami.smtp.data;

/** What {@code smtpd_forbid_bare_newline} asks for (Postfix 3.9). */
public enum BareNewline {
    /** {@code no}: a bare LF ends a line, and a lone dot after one ends the message. */
    NO,
    /** {@code normalize} (and {@code yes}): a bare LF ends a line, but only CRLF . CRLF ends the message. */
    NORMALIZE,
    /** {@code reject}: as normalize, and a command or message with a bare LF is refused. */
    REJECT
}
