package io.tegami.imap.session;

import io.tegami.imap.protocol.CommandPrefix;
import io.tegami.imap.protocol.RawCommand;

/** Runs complete commands for a session, and judges literals before they are read (the command package's dispatcher). */
public interface CommandRunner {

    /** Parses and runs {@code command}, writing its responses; never throws for bad input. */
    void run(ImapSession session, RawCommand command);

    /**
     * Whether a literal of {@code size} octets may follow for the command begun with
     * {@code prefix}: null to accept, else the tagged response (without the tag).
     */
    String checkLiteral(ImapSession session, CommandPrefix prefix, long size, long commandBytes);

    /** Whether the command's literals count towards the command length limit (not APPEND's). */
    boolean countsTowardsLength(CommandPrefix prefix);
}
