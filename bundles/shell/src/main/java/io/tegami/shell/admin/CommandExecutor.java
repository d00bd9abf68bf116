package io.tegami.shell.admin;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Runs one command line for the admin socket. In the framework this is Gogo; tests use a fake, so
 * the socket server is tested without OSGi.
 */
public interface CommandExecutor {

    /**
     * Runs a command line, writing its output as it is produced.
     *
     * @param in the command's standard input: the client's, fetched when the command first reads it
     * @throws Exception if the command failed; its message is what the admin sees
     */
    void execute(String commandLine, InputStream in, OutputStream out, OutputStream err) throws Exception;
}
