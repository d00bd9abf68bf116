package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;
import io.tegami.api.user.DirectoryException;
import io.tegami.api.user.User;
import io.tegami.api.user.UserDirectory;

/**
 * {@code doveadm user [-f field] [-u] USER...}: a user's uid, gid, home, mail location and other
 * userdb fields, in Dovecot's layout: a {@code field<TAB>value} table, a single value with
 * {@code -f}, or the raw userdb reply with {@code -u}. An unknown user is reported as in Dovecot
 * ({@code userdb lookup: user x doesn't exist}, exit 67), after the table, where Dovecot's
 * buffered output puts it too. Wildcard masks need a user listing, which directories do not offer.
 */
@Component(service = DoveadmSubcommand.class)
public final class UserCommand implements DoveadmSubcommand {

    static final String USAGE = "[-a <userdb socket path>] [-x <auth info>] [-f field] [-u] <user mask> [...]";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    public UserCommand() {
    }

    /** For tests. */
    UserCommand(UserDirectory directory, MailParameters parameters) {
        this.directory = directory;
        this.parameters = parameters;
    }

    @Override
    public List<String> name() {
        return List.of("user");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Shows the userdb fields of each user (uid, gid, home, mail and the extra fields) as a\n"
                + "field/value table; -f field prints one value, -u the userdb reply as it is. An unknown\n"
                + "user exits 67.";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        Getopt.Result opts = Getopt.parse("user", "a:x:f:e:u", args, "usage: doveadm user " + USAGE);
        if (opts.has('e')) {
            throw DoveadmException.usage("doveadm user: -e is not supported");
        }
        List<String> users = opts.operands();
        if (users.isEmpty()) {
            throw DoveadmException.usage("usage: doveadm user " + USAGE);
        }
        for (String u : users) {
            if (u.indexOf('*') >= 0 || u.indexOf('?') >= 0) {
                throw DoveadmException.usage("doveadm user: user masks with wildcards are not supported: "
                        + "the user directory cannot list its users");
            }
        }
        UserDirectory d = directory;
        if (d == null) {
            throw DoveadmException.fatal("no user directory is available (is the users-passwdfile bundle running?)");
        }
        String field = opts.value('f');
        boolean userdbOnly = opts.has('u');
        StringBuilder table = new StringBuilder(field == null && !userdbOnly ? "field\tvalue\n" : "");
        StringBuilder later = new StringBuilder(); // stdio text that Dovecot's output shows after the table
        List<String> missing = new ArrayList<>();
        boolean first = true;
        for (String name : users) {
            if (!first) {
                (userdbOnly ? table : later).append('\n');
            }
            first = false;
            Optional<User> user;
            try {
                user = d.lookup(name);
            } catch (DirectoryException e) {
                out.print(table);
                out.print(later);
                throw new DoveadmException(DoveadmException.EX_TEMPFAIL,
                        "Error: userdb lookup failed for " + name + ": " + e.getMessage());
            }
            if (user.isEmpty()) {
                missing.add(name);
                if (userdbOnly) {
                    table.append("userdb lookup: user ").append(name).append(" doesn't exist\n");
                } else if (field == null) {
                    later.append("\nuserdb lookup: user ").append(name).append(" doesn't exist\n");
                }
                continue;
            }
            Map<String, String> fields = fields(user.get(), userdbOnly);
            if (userdbOnly) {
                table.append("userdb: ").append(name).append('\n');
                table.append(String.format("  %-10s: %s%n", "user", user.get().name()));
                fields.forEach((k, v) -> {
                    if (!v.isEmpty() && (field == null || field.equals(k))) {
                        table.append(field == null ? String.format("  %-10s: %s%n", k, v) : v + "\n");
                    }
                });
            } else if (field != null) {
                String v = fields.get(field);
                if (v != null) {
                    table.append(v).append('\n');
                }
            } else {
                fields.forEach((k, v) -> table.append(k).append('\t').append(v).append('\n'));
            }
        }
        out.print(table);
        out.print(later);
        if (!missing.isEmpty()) {
            throw new DoveadmException(DoveadmException.EX_NOUSER, field != null || userdbOnly
                    ? "userdb lookup: user " + String.join(", ", missing) + " doesn't exist"
                    : "doveadm user: no such user: " + String.join(", ", missing));
        }
    }

    /**
     * uid, gid, home, mail, then the other userdb fields without their {@code userdb_} prefix. The
     * mail user's view ({@code raw} false) fills in {@code mail_location}; the userdb's own reply
     * ({@code -u}) has only what the directory says.
     */
    private Map<String, String> fields(User user, boolean raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("uid", user.uid() < 0 ? "" : Integer.toString(user.uid()));
        fields.put("gid", user.gid() < 0 ? "" : Integer.toString(user.gid()));
        fields.put("home", user.home().toString());
        MailParameters p = parameters;
        String mail = Optional.ofNullable(user.fields().get("userdb_mail"))
                .or(() -> p == null || raw ? Optional.empty() : p.get("mail_location"))
                .orElse("");
        if (!raw || !mail.isEmpty()) {
            fields.put("mail", mail);
        }
        user.fields().entrySet().stream()
                .filter(e -> e.getKey().startsWith("userdb_"))
                .map(e -> Map.entry(e.getKey().substring("userdb_".length()), e.getValue()))
                .filter(e -> !fields.containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }
}
