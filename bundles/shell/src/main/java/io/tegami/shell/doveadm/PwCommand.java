package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.user.PasswordSchemes;

/**
 * {@code doveadm pw [-l] [-p plaintext] [-r rounds] [-s scheme] [-t hash] [-u user] [-V]}, as in
 * Dovecot: prints {@code {SCHEME}hash}; with {@code -t} checks a hash and prints it followed by
 * {@code (verified)}; with {@code -V} checks the hash it made; {@code -l} lists the schemes.
 * Without {@code -s} the scheme is {@code default_pass_scheme}. The password must be given with
 * {@code -p}: through {@code tegami-ctl} there is no terminal to prompt on.
 */
@Component(service = DoveadmSubcommand.class)
public final class PwCommand implements DoveadmSubcommand {

    static final String USAGE = "[-l] [-p plaintext] [-r rounds] [-s scheme] [-t hash] [-u user] [-V]";
    /** Dovecot's password_decode() errors, reported as "reverse decode check failed". */
    private static final Set<String> DECODE_ERRORS = Set.of("Unknown scheme", "Input isn't valid HEX encoded data",
            "Input isn't valid base64 encoded data");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PasswordSchemes schemes;

    public PwCommand() {
    }

    /** For tests. */
    PwCommand(PasswordSchemes schemes) {
        this.schemes = schemes;
    }

    @Override
    public List<String> name() {
        return List.of("pw");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Prints {SCHEME}hash for the password given with -p (there is no terminal to ask on),\n"
                + "in scheme -s (default: default_pass_scheme); -r rounds for the crypt schemes, -u the\n"
                + "user for schemes salted with it. -t HASH checks the password against a hash and prints\n"
                + "it followed by (verified); -V checks the hash made; -l lists the schemes.";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        Getopt.Result opts = Getopt.parse("pw", "lp:r:s:t:u:V", args, "usage: doveadm pw " + USAGE);
        PasswordSchemes s = schemes;
        if (s == null) {
            throw DoveadmException.fatal("no password schemes are available (is the users-passwdfile bundle running?)");
        }
        if (opts.has('l')) {
            StringBuilder line = new StringBuilder();
            for (String name : s.schemes()) {
                line.append(name).append(' ');
            }
            out.println(line);
            return;
        }
        if (!opts.operands().isEmpty()) {
            throw DoveadmException.usage("Error: Extraneous arguments found: " + String.join(" ", opts.operands())
                    + "\nusage: doveadm pw " + USAGE);
        }
        int rounds = rounds(opts.value('r'));
        String scheme = opts.has('s') ? opts.value('s') : s.defaultScheme();
        String plaintext = opts.value('p');
        if (plaintext == null) {
            throw DoveadmException.usage("doveadm pw: the password must be given with -p: tegami-ctl cannot prompt for it");
        }
        String user = opts.value('u');
        char[] password = plaintext.toCharArray();
        try {
            String hash;
            try {
                hash = s.generate(scheme, password, user, rounds);
            } catch (IllegalArgumentException e) {
                throw DoveadmException.fatal(e.getMessage());
            }
            String test = opts.value('t');
            if (test == null && !opts.has('V')) {
                out.println(hash);
                return;
            }
            String checked = test == null ? hash : test;
            verify(s, checked, password, user);
            out.println(shown(checked) + " (verified)");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void verify(PasswordSchemes s, String hash, char[] password, String user) {
        boolean ok;
        try {
            ok = s.verify(hash, password, user);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage();
            if (why.equals("Missing {scheme} prefix from hash")) {
                throw DoveadmException.fatal(why);
            }
            boolean decode = DECODE_ERRORS.contains(why) || why.startsWith("Input length isn't valid");
            throw DoveadmException.fatal((decode ? "reverse decode check failed: "
                    : "reverse password verification check failed: ") + why);
        }
        if (!ok) {
            throw DoveadmException.fatal("reverse password verification check failed: Password mismatch");
        }
    }

    /**
     * How doveadm shows a checked hash: as given, except that a bare {@code $1$salt$hash} gets its
     * implied scheme and loses anything after a further '$' ({@code password_get_scheme()}).
     */
    static String shown(String hash) {
        if (hash.startsWith("$1$")) {
            int saltEnd = hash.indexOf('$', 3);
            if (saltEnd >= 0) {
                int end = hash.indexOf('$', saltEnd + 1);
                return "{MD5-CRYPT}" + (end < 0 ? hash : hash.substring(0, end));
            }
        }
        return hash;
    }

    private static int rounds(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int r = Integer.parseInt(value);
            if (r >= 0 && !value.startsWith("+")) {
                return r;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw DoveadmException.fatal("Invalid number of rounds: " + value);
    }
}
