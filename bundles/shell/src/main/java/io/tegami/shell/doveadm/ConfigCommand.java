package io.tegami.shell.doveadm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;

/**
 * {@code doveadm config [-n] [name...]}: the settings Tegami reads under Dovecot's names, as
 * {@code doveconf} prints them ({@code name = value}, sorted), after a comment line naming the
 * configuration; {@code -n} only those set explicitly, names given only those (without the
 * comment; unknown names print nothing, as doveconf does). Which names are Dovecot's comes from
 * doveconf 2.3's own list plus the quota and Sieve plugin settings
 * ({@code dovecot-settings.txt}); Postfix-named parameters are {@code postconf}'s.
 */
@Component(service = DoveadmSubcommand.class)
public final class ConfigCommand implements DoveadmSubcommand {

    static final String USAGE = "[-n] [<setting name> [...]]";
    private static final Set<String> DOVECOT_NAMES = load();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    public ConfigCommand() {
    }

    /** For tests. */
    ConfigCommand(MailParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<String> name() {
        return List.of("config");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Shows the Dovecot-named settings with their values (defaults included); -n only the\n"
                + "ones set in the configuration. Names given: only those, without the comment line.";
    }

    /** Whether {@code name} is one of Dovecot's settings. */
    static boolean isDovecotName(String name) {
        return DOVECOT_NAMES.contains(name);
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        Getopt.Result opts = Getopt.parse("config", "na", args, "usage: doveadm config " + USAGE);
        MailParameters p = parameters;
        if (p == null) {
            throw DoveadmException.fatal("no configuration is available (is the config bundle running?)");
        }
        boolean onlySet = opts.has('n');
        Map<String, String> explicit = p.explicit();
        Map<String, String> values = new TreeMap<>();
        if (!onlySet) {
            p.defaults().keySet().stream().filter(ConfigCommand::isDovecotName)
                    .forEach(n -> values.put(n, p.get(n).orElse("")));
        }
        explicit.forEach((n, v) -> {
            if (isDovecotName(n)) {
                values.put(n, v);
            }
        });
        StringBuilder text = new StringBuilder();
        if (opts.operands().isEmpty()) {
            text.append("# ").append(version()).append(": ")
                    .append(p.home().resolve("configs").resolve(MailParameters.PID + ".cfg")).append('\n');
            if (!onlySet) {
                text.append("# NOTE: Send doveconf -n output instead when asking for help.\n");
            }
            values.forEach((n, v) -> text.append(n).append(" = ").append(v).append('\n'));
        } else {
            for (String n : opts.operands()) {
                String v = values.get(n);
                if (v != null) {
                    text.append(n).append(" = ").append(v).append('\n');
                }
            }
        }
        out.print(text);
    }

    private static String version() {
        Bundle b = FrameworkUtil.getBundle(ConfigCommand.class);
        return b == null ? "Tegami" : "Tegami " + b.getVersion();
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = ConfigCommand.class.getResourceAsStream("dovecot-settings.txt")) {
            if (in == null) {
                throw new IllegalStateException("dovecot-settings.txt is missing from the shell bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
