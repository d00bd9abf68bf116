package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.net.LoginInfo;
import io.tegami.api.net.LoginRegistry;

/**
 * {@code doveadm who [-a path] [-1] [user mask] [ip[/bits]]}: the logged-in users, in Dovecot
 * 2.3's table ({@code username # proto (pids) (ips)}, one row per user and protocol) or, with
 * {@code -1}, one row per connection ({@code username proto pid ip}). Tegami runs every session in
 * one process, so where Dovecot shows process ids this shows the session ids of the log lines
 * ({@code session=<...>}); {@code -a} (anvil's socket) is accepted and ignored. Rows come in login
 * order, where Dovecot's come in hash order. Like Dovecot 2.3.19, the per-user table flushes after
 * each row, so its column widths come from the titles and the first row only.
 */
@Component(service = DoveadmSubcommand.class)
public final class WhoCommand extends FormattedSubcommand {

    static final String USAGE = "[-a <anvil socket path>] [-1] [<user mask>] [<ip/bits>]";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LoginRegistry logins;

    public WhoCommand() {
    }

    /** For tests. */
    WhoCommand(LoginRegistry logins) {
        this.logins = logins;
    }

    @Override
    public List<String> name() {
        return List.of("who");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Lists the logged-in users, one row per user and protocol with the session ids and\n"
                + "client addresses; -1 one row per connection. The user mask (with * and ?) and the\n"
                + "network (ip/bits) filter the rows. doveadm -f tab|flow|json changes the layout.";
    }

    /** With {@code doveadm -f}: the same columns in another formatter (the table by default). */
    @Override
    public void run(List<String> args, PrintStream out, String formatter) {
        Getopt.Result opts = Getopt.parse("who", "a:1", args, "usage: doveadm who " + USAGE);
        WhoFilter filter = WhoFilter.parse(opts.operands());
        List<LoginInfo> all = registry(logins).logins();
        DoveadmPrinter printer = printer(formatter, "table", out);
        if (opts.has('1')) {
            printConnections(all, filter, printer);
        } else {
            printUsers(all, filter, printer);
        }
    }

    /** The registry, or Dovecot's failure when anvil cannot be reached. */
    static LoginRegistry registry(LoginRegistry r) {
        if (r == null) {
            throw DoveadmException.fatal("no login registry is available (is the net bundle running?)");
        }
        return r;
    }

    private static void printConnections(List<LoginInfo> all, WhoFilter filter, DoveadmPrinter table) {
        table.header(new DoveadmPrinter.Header("username", "username", DoveadmPrinter.EXPAND));
        table.header(DoveadmPrinter.Header.simple("proto"));
        table.header(DoveadmPrinter.Header.simple("pid"));
        table.header(DoveadmPrinter.Header.simple("ip"));
        for (LoginInfo l : all) {
            if (filter.matches(l)) {
                table.print(l.user());
                table.print(l.protocol());
                table.print(l.sessionId());
                table.print(IpText.of(l.remoteIp()));
            }
        }
        table.flush();
    }

    /** One row per user and protocol, as Dovecot aggregates anvil's connections. */
    private static void printUsers(List<LoginInfo> all, WhoFilter filter, DoveadmPrinter table) {
        record Group(String user, String protocol) {
        }
        Map<Group, List<LoginInfo>> groups = new LinkedHashMap<>();
        for (LoginInfo l : all) {
            groups.computeIfAbsent(new Group(l.user(), l.protocol()), g -> new ArrayList<>()).add(l);
        }
        table.header(DoveadmPrinter.Header.simple("username"));
        table.header(new DoveadmPrinter.Header("connections", "#", DoveadmPrinter.RIGHT_JUSTIFY));
        table.header(DoveadmPrinter.Header.simple("proto"));
        table.header(new DoveadmPrinter.Header("pids", "(pids)", 0));
        table.header(new DoveadmPrinter.Header("ips", "(ips)", 0));
        for (Map.Entry<Group, List<LoginInfo>> g : groups.entrySet()) {
            // Dovecot matches a user row when any of its addresses is in the network.
            if (g.getValue().stream().noneMatch(filter::matches)) {
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            Set<String> ips = new LinkedHashSet<>();
            for (LoginInfo l : g.getValue()) {
                ids.add(l.sessionId());
                if (l.remoteIp() != null) {
                    ips.add(IpText.of(l.remoteIp()));
                }
            }
            table.print(g.getKey().user());
            table.print(Integer.toString(g.getValue().size()));
            table.print(g.getKey().protocol());
            table.print("(" + String.join(" ", ids) + ")");
            table.print("(" + String.join(" ", ips) + ")");
            if (table instanceof TablePrinter) {
                table.flush(); // as Dovecot 2.3.19 does after each user: the first row sets the widths
            }
        }
        table.flush();
    }
}
