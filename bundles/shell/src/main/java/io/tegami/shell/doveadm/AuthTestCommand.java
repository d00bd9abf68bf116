package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/**
 * {@code doveadm auth test [-x auth-info] USER PASSWORD}: a password check through the user
 * directory, printed as Dovecot prints it ({@code passdb: alice auth succeeded}, then the extra
 * fields). A failure exits 77 in Dovecot; here it fails the command. {@code -x rip=IP} gives the
 * remote address that {@code allow_nets} is checked against; without it the address is unknown,
 * which only {@code allow_nets=local} admits. Unlike Dovecot, where the login process enforces
 * {@code nologin}, Tegami's directory refuses such users itself, so they fail here.
 */
@Component(service = DoveadmSubcommand.class)
public final class AuthTestCommand implements DoveadmSubcommand {

    static final String USAGE = "[-a <auth socket path>] [-x <auth info>] <user> [<password>]";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserDirectory directory;

    public AuthTestCommand() {
    }

    /** For tests. */
    AuthTestCommand(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<String> name() {
        return List.of("auth", "test");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Authenticates user with password (asked for when not given) against the user\n"
                + "directory, as a login would, and prints passdb: user auth succeeded with the extra\n"
                + "fields, or auth failed (exit 77). -x adds auth info (rip=1.2.3.4 for allow_nets).";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        Getopt.Result opts = Getopt.parse("auth test", "a:x:M:", args, "usage: doveadm auth test " + USAGE);
        if (opts.has('M')) {
            throw DoveadmException.usage("doveadm auth test: master users (-M) are not supported");
        }
        InetAddress client = null;
        for (String info : opts.values('x')) {
            if (info.startsWith("rip=")) {
                client = address(info.substring(4));
            }
        }
        List<String> rest = opts.operands();
        if (rest.isEmpty() || rest.size() > 2) {
            throw DoveadmException.usage("usage: doveadm auth test " + USAGE);
        }
        if (rest.size() < 2) {
            throw DoveadmException.usage("doveadm auth test: the password must be given: tegami-ctl cannot prompt for it");
        }
        String user = rest.get(0);
        UserDirectory d = directory;
        if (d == null) {
            out.println("passdb: " + user + " auth failed");
            throw new DoveadmException(DoveadmException.EX_NOPERM,
                    "Error: no user directory is available (is the users-passwdfile bundle running?)");
        }
        char[] password = rest.get(1).toCharArray();
        Optional<User> result;
        try {
            result = d.authenticate(user, password, client);
        } catch (DirectoryException e) {
            out.println("passdb: " + user + " auth failed");
            throw new DoveadmException(DoveadmException.EX_NOPERM, "Error: " + e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
        out.println("passdb: " + user + " auth " + (result.isPresent() ? "succeeded" : "failed"));
        out.println("extra fields:");
        out.println("  user=" + result.map(User::name).orElse(user));
        result.ifPresent(u -> passdbFields(u.fields(), out));
        if (result.isEmpty()) {
            throw new DoveadmException(DoveadmException.EX_NOPERM, "doveadm auth test: authentication failed");
        }
    }

    /** The passdb's extra fields as Dovecot returns them: not the userdb ones, not allow_nets (consumed). */
    private static void passdbFields(Map<String, String> fields, PrintStream out) {
        fields.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("userdb_") && !e.getKey().equals("allow_nets"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.println("  " + (e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue())));
    }

    private static InetAddress address(String ip) {
        if (!IP_LITERAL.matcher(ip).matches() || (ip.indexOf('.') < 0 && ip.indexOf(':') < 0)) {
            throw DoveadmException.fatal("rip: Invalid ip");
        }
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw DoveadmException.fatal("rip: Invalid ip");
        }
    }
}
