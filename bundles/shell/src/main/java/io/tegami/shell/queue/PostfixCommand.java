package io.tegami.shell.queue;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.tegami.shell.CommandFailedException;

/**
 * The {@code postfix} console command (Gogo scope {@code tegami}): a dispatcher over the
 * {@link PostfixAction} services, one per command word, as Postfix's {@code postfix} command hands
 * its argument to postfix-script. {@code -v} and {@code -D} are accepted and ignored.
 */
@Component(service = PostfixCommand.class)
@GogoCommand(scope = "tegami", function = "postfix")
public final class PostfixCommand {

    private final Map<String, PostfixAction> actions = new ConcurrentHashMap<>();

    public PostfixCommand() {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindAction(PostfixAction action, Map<String, Object> properties) {
        Object command = properties.get(PostfixAction.COMMAND);
        if (command != null) {
            actions.put(command.toString(), action);
        }
    }

    void unbindAction(PostfixAction action, Map<String, Object> properties) {
        Object command = properties.get(PostfixAction.COMMAND);
        if (command != null) {
            actions.remove(command.toString(), action);
        }
    }

    @Descriptor("control the mail system, like Postfix's postfix command")
    public void postfix(@Descriptor("command (flush, ...)") String... args) {
        int i = 0;
        while (i < args.length && (args[i].equals("-v") || args[i].equals("-D"))) {
            i++;
        }
        if (i < args.length && args[i].startsWith("-")) {
            throw new CommandFailedException("postfix: fatal: " + (args[i].equals("-c")
                    ? "-c is not supported: Tegami has one configuration" : "usage: postfix [-Dv] command"));
        }
        if (i == args.length) {
            throw new CommandFailedException("postfix: fatal: usage: postfix [-Dv] command");
        }
        String word = args[i];
        PostfixAction action = actions.get(word);
        if (action == null) {
            throw new CommandFailedException("postfix: fatal: unknown command: '" + QueueText.printable(word)
                    + "'. Usage: postfix " + String.join(" | ", new TreeSet<>(actions.keySet())));
        }
        action.run(Arrays.asList(args).subList(i + 1, args.length), System.out, System.err);
        System.out.flush();
        System.err.flush();
    }
}
