package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.List;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.net.LoginInfo;
import io.tegami.api.net.LoginRegistry;

/**
 * {@code doveadm kick [-a path] [-f] <user mask> [<ip/bits>]}: ends the matching sessions with
 * their protocol's goodbye, which Dovecot's SIGTERM gives too (IMAP {@code * BYE Server shutting
 * down.}, POP3 {@code -ERR [SYS/TEMP] Server shutting down.}), and prints Dovecot's terminal
 * output: {@code kicked connections from the following users:} then the user names, sorted, each
 * followed by a space. Nothing to kick is exit 68 with {@code no users kicked}, which Dovecot
 * prints on stdout and Tegami's exit path puts on stderr. Every Tegami session serves one user, so
 * Dovecot's {@code -f} (kick processes shared with other users) changes nothing; {@code -a} is
 * accepted and ignored.
 */
@Component(service = DoveadmSubcommand.class)
public final class KickCommand implements DoveadmSubcommand {

    static final String USAGE = "[-a <anvil socket path>] <user mask>[|]<ip/bits>";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LoginRegistry logins;

    public KickCommand() {
    }

    /** For tests. */
    KickCommand(LoginRegistry logins) {
        this.logins = logins;
    }

    @Override
    public List<String> name() {
        return List.of("kick");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Disconnects the sessions of the users matching the mask and/or from the network, with\n"
                + "their protocol's goodbye, and prints who was kicked; none matching exits 68.";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        Getopt.Result opts = Getopt.parse("kick", "a:f", args, "usage: doveadm kick " + USAGE);
        if (opts.operands().isEmpty()) {
            throw DoveadmException.usage("Error: user and/or ip[/bits] must be specified.");
        }
        WhoFilter filter = WhoFilter.parse(opts.operands());
        List<LoginInfo> kicked = WhoCommand.registry(logins).kick(filter::matches);
        if (kicked.isEmpty()) {
            throw new DoveadmException(DoveadmException.EX_NOTFOUND, "no users kicked");
        }
        TreeSet<String> users = new TreeSet<>(); // Dovecot sorts with strcmp: by code point
        kicked.forEach(l -> users.add(l.user()));
        StringBuilder text = new StringBuilder("kicked connections from the following users:\n");
        users.forEach(u -> text.append(u).append(' '));
        out.print(text.append('\n'));
        out.flush();
    }
}
