package io.tegami.imap.session;

import java.nio.ByteBuffer;

import io.tegami.api.net.Line;
import io.tegami.imap.protocol.CommandAssembler;
import io.tegami.imap.protocol.CommandPrefix;
import io.tegami.imap.protocol.LiteralPolicy;

/**
 * A session's input path: lines and literal octets are put together into commands (by the
 * {@link CommandAssembler}) and run by the {@link CommandRunner}; while a {@link LineDialog} runs
 * (AUTHENTICATE, IDLE) it gets the lines instead; between STARTTLS and the end of the handshake
 * input is dropped, so that nothing sent in clear is read as a command (RFC 3501 6.2.1). It also
 * counts bad commands in a row and the octets received. Used under the session's lock.
 */
final class CommandInput {

    /** Bad commands in a row before the session is ended (Dovecot's CLIENT_MAX_BAD_COMMANDS). */
    static final int MAX_BAD_COMMANDS = 20;
    /** Literals up to this size stay in memory; larger ones (APPEND) go to a temporary file. */
    static final long LITERAL_MEMORY_LIMIT = 256 * 1024;

    private final ImapSession session;
    private final CommandRunner runner;
    private final CommandAssembler assembler;
    private LineDialog dialog;
    private boolean awaitingTls;
    private long bytesIn;
    private int badCommands;

    CommandInput(ImapSession session, CommandRunner runner, ImapSettings settings) {
        this.session = session;
        this.runner = runner;
        this.assembler = new CommandAssembler(settings.maxLineLength(), LITERAL_MEMORY_LIMIT, settings::tempDir,
                new LiteralPolicy() {
                    @Override
                    public String check(CommandPrefix prefix, long size, long commandBytes) {
                        return runner.checkLiteral(session, prefix, size, commandBytes);
                    }

                    @Override
                    public boolean countsTowardsLength(CommandPrefix prefix) {
                        return runner.countsTowardsLength(prefix);
                    }
                });
    }

    /**
     * One line (or fragment) from the client.
     *
     * @return false if it was dropped unread (during the TLS handshake, or a stray empty line)
     */
    boolean line(Line line) {
        if (awaitingTls) {
            return false;
        }
        bytesIn += line.length() + (line.isFragment() ? 0 : line.ending() == Line.Ending.CRLF ? 2 : 1);
        if (dialog != null) {
            if (dialog.lineReceived(line)) {
                dialog = null;
            }
        } else if (line.length() == 0 && !line.isFragment() && !assembler.inCommand()) {
            // A stray empty line (some clients end an APPEND with an extra CRLF): nothing to answer.
            return false;
        } else {
            handle(assembler.line(line));
        }
        return true;
    }

    /** Counted octets of a literal; {@code process} false once the session is ending (only counted). */
    void bytes(ByteBuffer chunk, boolean last, boolean process) {
        bytesIn += chunk.remaining();
        if (process && !awaitingTls) {
            handle(assembler.bytes(chunk, last));
        }
    }

    private void handle(CommandAssembler.Step step) {
        if (step instanceof CommandAssembler.Complete complete) {
            try (var command = complete.command()) {
                runner.run(session, command);
            }
        } else if (step instanceof CommandAssembler.AwaitLiteral literal) {
            if (literal.synchronizing()) {
                session.out().continuation("OK");
                session.out().flush();
            }
            session.connection().readBytes(literal.size());
        } else if (step instanceof CommandAssembler.Refused refused) {
            session.out().tagged(refused.tag(), refused.response());
            countBad();
            if (refused.close()) {
                // The refused literal's octets are on their way and must never be read as commands.
                session.disconnect("BYE Command refused, disconnecting.", "Literal refused");
            }
        }
    }

    /** True while a command is unfinished: a dialog (AUTHENTICATE, IDLE), a literal, a TLS handshake. */
    boolean inProgress() {
        return dialog != null || assembler.inCommand() || awaitingTls;
    }

    /** Hands the following lines to {@code d} until it says it has ended. */
    void beginDialog(LineDialog d) {
        this.dialog = d;
    }

    /** STARTTLS was answered: what the client sent in clear is forgotten, and input waits for the handshake. */
    void awaitTls() {
        awaitingTls = true;
        assembler.reset();
    }

    /** The handshake is done: commands again, from a clean start. */
    void tlsStarted() {
        awaitingTls = false;
        assembler.reset();
    }

    /** The session ends: a running dialog forgets its secrets, a half-read literal its temporary file. */
    void end() {
        if (dialog != null) {
            dialog.abort();
            dialog = null;
        }
        assembler.reset();
    }

    void countBad() {
        badCommands++;
    }

    void resetBad() {
        badCommands = 0;
    }

    /** True when {@link #MAX_BAD_COMMANDS} bad commands came in a row. */
    boolean tooManyBad() {
        return badCommands >= MAX_BAD_COMMANDS;
    }

    /** Octets received, for the disconnect line. */
    long bytesIn() {
        return bytesIn;
    }
}
