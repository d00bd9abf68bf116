package io.tegami.shell.queue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The commands in the order postfix-script's usage line lists them. */
    private static final List<String> ORDER = List.of("start", "stop", "reload", "abort", "flush", "check", "status");

    static final String HELP = """
            usage: postfix [-Dv] command

              check   verify the configuration, files, certificates, tables and ports
              status  tell whether the mail system runs, and its process id
              reload  re-read configs/ and apply it without a restart
              flush   try to deliver all deferred mail now (postqueue -f)
              stop    stop accepting, let sessions and deliveries finish, then stop
              abort   stop at once
              start   (Tegami is started by bin/tegami; here it only says it already runs)
            Messages are postfix-script's: "postfix/postfix-script: fatal: ..." ends with a
            non-zero exit status. See docs/admin.md (postfix).""";

    @Descriptor("control the mail system, like Postfix's postfix command")
    public void postfix(@Descriptor("check | status | reload | flush | stop | abort | start | --help") String... args) {
        int i = 0;
        while (i < args.length && (args[i].equals("-v") || args[i].equals("-D"))) {
            i++;
        }
        if (i < args.length && (args[i].equals("-h") || args[i].equals("--help"))) {
            System.out.println(HELP);
            System.out.flush();
            return;
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
            throw new CommandFailedException("postfix/postfix-script: fatal: unknown command: '"
                    + QueueText.printable(word) + "'. Usage: postfix " + usage(actions.keySet()));
        }
        try {
            action.run(Arrays.asList(args).subList(i + 1, args.length), System.out, System.err);
        } finally {
            System.out.flush();
            System.err.flush();
        }
    }

    /** "start (or stop, reload, ...)", as postfix-script words it, over the commands present. */
    static String usage(Set<String> commands) {
        List<String> words = new ArrayList<>();
        ORDER.stream().filter(commands::contains).forEach(words::add);
        new TreeSet<>(commands).stream().filter(c -> !ORDER.contains(c)).forEach(words::add);
        if (words.isEmpty()) {
            return "(no commands available)";
        }
        return words.size() == 1 ? words.get(0)
                : words.get(0) + " (or " + String.join(", ", words.subList(1, words.size())) + ")";
    }
}
