package io.tegami.shell.admin;

import java.io.OutputStream;

/**
 * Runs one command line for the admin socket. In the framework this is Gogo; tests use a fake, so
 * the socket server is tested without OSGi.
 */
public interface CommandExecutor {

    /**
     * Runs a command line, writing its output as it is produced.
     *
     * @throws Exception if the command failed; its message is what the admin sees
     */
    void execute(String commandLine, OutputStream out, OutputStream err) throws Exception;
}
