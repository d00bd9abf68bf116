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

    @Descriptor("Dovecot's admin tool: pw, auth test, user, who, kick, config, mailbox, search, fetch, expunge, quota")
    public void doveadm(@Descriptor("SUBCOMMAND [ARGS...]") String... args) {
        run(args == null ? List.of() : Arrays.asList(args), System.out);
    }

    /** Runs a command line on {@code out}; failures throw {@link DoveadmException}. */
    void run(List<String> args, PrintStream out) {
        if (args.stream().anyMatch(java.util.Objects::isNull)) { // List.of() would throw on contains(null)
            throw DoveadmException.usage("doveadm: null arguments are not allowed");
        }
        // doveadm [-Dv] [-f formatter] <command>: the global options come before the command.
        String formatter = null;
        int first = 0;
        while (first < args.size() && args.get(first).startsWith("-") && args.get(first).length() > 1) {
            String opt = args.get(first++);
            if (opt.equals("-h") || opt.equals("--help")) {
                out.println(usage());
                return;
            } else if (opt.startsWith("-f")) {
                String value = opt.length() > 2 ? opt.substring(2) : first < args.size() ? args.get(first++) : null;
                if (value == null) {
                    throw DoveadmException.usage("doveadm: option requires an argument -- 'f'\n" + usage());
                }
                if (!DoveadmPrinter.NAMES.contains(value)) {
                    throw DoveadmException.fatal("Unknown print formatter: " + value);
                }
                formatter = value;
            } else if (!opt.matches("-[Dv]+")) {
                throw DoveadmException.usage("doveadm: invalid option -- '" + opt.substring(1) + "'\n" + usage());
            }
        }
        args = args.subList(first, args.size());
        if (!args.isEmpty() && args.get(0).equals("help")) {
            help(args.subList(1, args.size()), out);
            return;
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
            List<String> rest = args.subList(match.name().size(), args.size());
            if (!rest.isEmpty() && (rest.get(0).equals("-h") || rest.get(0).equals("--help"))) {
                printHelp(match, out);
            } else {
                match.run(rest, out, formatter);
            }
        } finally {
            out.flush();
            thread.setName(name);
        }
    }

    /** {@code doveadm help [command words]}: the usage list, or one command's help. */
    private void help(List<String> words, PrintStream out) {
        DoveadmSubcommand match = words.isEmpty() ? null : find(words);
        if (match == null) {
            out.println(usage());
        } else {
            printHelp(match, out);
        }
    }

    private static void printHelp(DoveadmSubcommand s, PrintStream out) {
        out.println("usage: doveadm [-Dv] [-f <formatter>] " + String.join(" ", s.name()) + " " + s.usage());
        if (!s.help().isEmpty()) {
            out.println();
            out.println(s.help());
        }
        out.flush();
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
        StringBuilder text = new StringBuilder("usage: doveadm [-Dv] [-f <formatter>] <command> [<args>]");
        for (DoveadmSubcommand s : all) {
            text.append("\n  ").append(String.join(" ", s.name())).append(' ').append(s.usage());
        }
        return text.toString();
    }
}
