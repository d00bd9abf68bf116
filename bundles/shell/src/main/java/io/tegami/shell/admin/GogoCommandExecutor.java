package io.tegami.shell.admin;

import java.io.InputStream;
import java.io.OutputStream;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs admin socket commands in a fresh Gogo session each, the way the Gogo console would: the
 * command's {@code System.in}/{@code System.out}/{@code System.err} are the connection's (Gogo's
 * ThreadIO routes them per session), and a non-null result is printed as the console prints it.
 */
final class GogoCommandExecutor implements CommandExecutor {

    private final CommandProcessor processor;

    GogoCommandExecutor(CommandProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void execute(String commandLine, InputStream in, OutputStream out, OutputStream err) throws Exception {
        // Gogo's ThreadIO makes the command's System.in this stream, as it does System.out.
        try (CommandSession session = processor.createSession(in, out, err)) {
            Object result = session.execute(commandLine);
            if (result != null) {
                session.getConsole().println(session.format(result, Converter.INSPECT));
                session.getConsole().flush();
            }
        }
    }
}
