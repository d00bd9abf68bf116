package io.tegami.shell.admin;

import java.io.InputStream;
import java.io.OutputStream;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs admin socket commands in a fresh Gogo session each, the way the Gogo console would: the
 * command's {@code System.out}/{@code System.err} go to the connection (Gogo's ThreadIO routes them
 * per session), and a non-null result is printed as the console prints it.
 */
final class GogoCommandExecutor implements CommandExecutor {

    private final CommandProcessor processor;

    GogoCommandExecutor(CommandProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void execute(String commandLine, OutputStream out, OutputStream err) throws Exception {
        // No standard input: a command that reads it sees end of file instead of hanging.
        try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, err)) {
            Object result = session.execute(commandLine);
            if (result != null) {
                session.getConsole().println(session.format(result, Converter.INSPECT));
                session.getConsole().flush();
            }
        }
    }
}
