package io.tegami.shell.queue;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code postfix COMMAND} ({@code flush}, and later {@code check}, {@code status},
 * {@code reload}...), registered as a service with the {@value #COMMAND} property; the
 * {@link PostfixCommand} dispatcher runs the one named on its command line.
 *
 * <p>Adding a command is adding a component, in this bundle:
 * <pre>{@code
 * @Component(property = PostfixAction.COMMAND + "=status")
 * public final class StatusAction implements PostfixAction { ... }
 * }</pre>
 */
public interface PostfixAction {

    /** Service property: the command word ({@code flush}). */
    String COMMAND = "postfix.command";

    /**
     * Runs the command.
     *
     * @param args the words after the command word
     * @throws io.tegami.shell.CommandFailedException with a {@code postfix: fatal: ...} message on failure
     */
    void run(List<String> args, PrintStream out, PrintStream err);
}
