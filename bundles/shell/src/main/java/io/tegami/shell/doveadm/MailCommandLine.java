package io.tegami.shell.doveadm;

import java.util.List;

/**
 * The command line every doveadm mail command shares ({@code [-u <user>|-A] [-S <socket_path>]}
 * before its own options), and IMAP LIST wildcards for mailbox masks.
 */
final class MailCommandLine {

    /** The usage prefix of every mail command, as doveadm prints it. */
    static final String PREFIX = "[-u <user>|-A] [-S <socket_path>] ";

    final Getopt.Result options;
    final String user;

    private MailCommandLine(Getopt.Result options, String user) {
        this.options = options;
        this.user = user;
    }

    /**
     * Parses {@code args} with the shared options and the command's own ({@code own}, getopt syntax).
     *
     * @throws DoveadmException for bad options, {@code -A} (the directory cannot list its users)
     *         and a missing {@code -u}, with doveadm's texts and exit code 64
     */
    static MailCommandLine parse(String command, String own, List<String> args, String usage) {
        Getopt.Result r = Getopt.parse(command, "AS:u:F:" + own, args, "doveadm " + command + " " + usage);
        if (r.has('A') || r.has('F')) {
            throw DoveadmException.usage("doveadm " + command + ": -A and -F are not supported: "
                    + "the user directory cannot list its users");
        }
        String user = r.value('u');
        if (user == null || user.isEmpty()) {
            throw DoveadmException.usage("Fatal: USER environment is missing and -u option not used");
        }
        return new MailCommandLine(r, user);
    }

    /** {@link #parse}, then at least {@code minOperands} operands or the usage error. */
    static MailCommandLine parse(String command, String own, List<String> args, String usage, int minOperands) {
        MailCommandLine cmd = parse(command, own, args, usage);
        if (cmd.operands().size() < minOperands) {
            throw DoveadmException.usage("doveadm " + command + " " + usage);
        }
        return cmd;
    }

    List<String> operands() {
        return options.operands();
    }

    boolean has(char option) {
        return options.has(option);
    }

    /** Whether a mailbox mask has IMAP LIST wildcards. */
    static boolean isPattern(String mask) {
        return mask.indexOf('*') >= 0 || mask.indexOf('%') >= 0;
    }

    /**
     * Whether {@code name} matches an IMAP LIST mask: {@code *} matches anything, {@code %}
     * anything but the hierarchy delimiter; INBOX (alone or as the first level) without case.
     */
    static boolean matches(String mask, String name, char delimiter) {
        return match(inbox(mask, delimiter), 0, name, 0, delimiter);
    }

    private static String inbox(String mask, char delimiter) {
        int d = mask.indexOf(delimiter);
        String first = d < 0 ? mask : mask.substring(0, d);
        return first.equalsIgnoreCase("INBOX") ? "INBOX" + (d < 0 ? "" : mask.substring(d)) : mask;
    }

    private static boolean match(String p, int pi, String n, int ni, char delimiter) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*' || c == '%') {
                for (int k = ni; k <= n.length(); k++) {
                    if (match(p, pi + 1, n, k, delimiter)) {
                        return true;
                    }
                    if (k < n.length() && c == '%' && n.charAt(k) == delimiter) {
                        return false;
                    }
                }
                return false;
            }
            if (ni >= n.length() || n.charAt(ni) != c) {
                return false;
            }
            pi++;
            ni++;
        }
        return ni == n.length();
    }
}
