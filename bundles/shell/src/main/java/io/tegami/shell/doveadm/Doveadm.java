package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@code doveadm} console command (Gogo scope {@code tegami}): dispatches to the
 * {@link DoveadmSubcommand} whose name matches the most leading words ({@code doveadm auth test
 * alice secret} runs {@code auth test} with {@code alice secret}). Subcommands are services, so
 * they come and go with their bundle's components.
 *
 * <p>While a subcommand runs, the thread's name holds no arguments: Gogo names it after the
 * command line ({@code pipe-doveadm pw -p s3cret}) and log lines carry thread names.
 */
@Component(service = Doveadm.class)
@GogoCommand(scope = "tegami", function = {"doveadm"})
public final class Doveadm {

    private final List<DoveadmSubcommand> subcommands = new CopyOnWriteArrayList<>();

    public Doveadm() {
    }

    /** For tests, which have no DS to bind the subcommands. */
    Doveadm(List<DoveadmSubcommand> subcommands) {
        this.subcommands.addAll(subcommands);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSubcommand")
    void addSubcommand(DoveadmSubcommand subcommand) {
        subcommands.add(subcommand);
    }

    void removeSubcommand(DoveadmSubcommand subcommand) {
        subcommands.remove(subcommand);
    }

    @Descriptor("Dovecot's admin tool: doveadm pw, doveadm auth test, doveadm user, doveadm who, doveadm kick")
    public void doveadm(@Descriptor("SUBCOMMAND [ARGS...]") String... args) {
        run(args == null ? List.of() : Arrays.asList(args), System.out);
    }

    /** Runs a command line on {@code out}; failures throw {@link DoveadmException}. */
    void run(List<String> args, PrintStream out) {
        if (args.stream().anyMatch(java.util.Objects::isNull)) { // List.of() would throw on contains(null)
            throw DoveadmException.usage("doveadm: null arguments are not allowed");
        }
        DoveadmSubcommand match = find(args);
        if (match == null) {
            String what = args.isEmpty() ? "doveadm: a subcommand is required" : "doveadm: Unknown command '"
                    + String.join(" ", args) + "'";
            throw DoveadmException.usage(what + "\n" + usage());
        }
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        thread.setName("pipe-doveadm " + String.join(" ", match.name()));
        try {
            match.run(args.subList(match.name().size(), args.size()), out);
        } finally {
            out.flush();
            thread.setName(name);
        }
    }

    private DoveadmSubcommand find(List<String> args) {
        DoveadmSubcommand best = null;
        for (DoveadmSubcommand s : subcommands) {
            List<String> n = s.name();
            if (args.size() >= n.size() && args.subList(0, n.size()).equals(n)
                    && (best == null || n.size() > best.name().size())) {
                best = s;
            }
        }
        return best;
    }

    /** The usage of every subcommand present, as {@code doveadm help} lists them. */
    String usage() {
        List<DoveadmSubcommand> all = new ArrayList<>(subcommands);
        all.sort(Comparator.comparing(s -> String.join(" ", s.name())));
        StringBuilder text = new StringBuilder("usage: doveadm <command> [<args>]");
        for (DoveadmSubcommand s : all) {
            text.append("\n  ").append(String.join(" ", s.name())).append(' ').append(s.usage());
        }
        return text.toString();
    }
}
