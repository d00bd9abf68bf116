package io.tegami.shell.ctl;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line of {@code tegami-ctl [-s SOCKET] COMMAND [ARG...]}.
 *
 * <p>Options end at the command name, so {@code tegami-ctl postconf -n} passes {@code -n} on to
 * postconf.
 *
 * @param socket the admin socket to connect to
 * @param command the console command
 * @param args its arguments, verbatim
 * @param help true if the user asked for the usage text
 */
record CtlOptions(Path socket, String command, List<String> args, boolean help) {

    static final String USAGE = String.join("\n",
            "usage: tegami-ctl [-s SOCKET] COMMAND [ARG...]",
            "Runs a console command (postconf, useradd, mailq, lb, ...) in the running Tegami server;",
            "standard input goes to the command if it reads it (tegami-ctl sendmail bob < msg).",
            "  -s SOCKET  the admin socket (default: $TEGAMI_HOME/data/private/admin.sock,",
            "             or data/private/admin.sock under the current directory)",
            "Exit status: the command's (0 success, 1 failure), 2 if Tegami cannot be reached,",
            "64 on a usage error.",
            "");

    /** A usage error. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses the arguments.
     *
     * @param env the environment, for {@code TEGAMI_HOME}
     * @param cwd the current directory, for relative paths and the last-resort default
     */
    static CtlOptions parse(String[] argv, Map<String, String> env, Path cwd) throws UsageException {
        Path socket = null;
        int i = 0;
        while (i < argv.length && argv[i].startsWith("-")) {
            String option = argv[i++];
            switch (option) {
                case "--":
                    return build(socket, Arrays.copyOfRange(argv, i, argv.length), env, cwd);
                case "-h":
                case "--help":
                    return new CtlOptions(null, null, List.of(), true);
                case "-s":
                    if (i == argv.length || argv[i].isEmpty()) {
                        throw new UsageException("option -s needs a socket path");
                    }
                    socket = cwd.resolve(argv[i++]);
                    break;
                default:
                    throw new UsageException("unknown option " + option);
            }
        }
        return build(socket, Arrays.copyOfRange(argv, i, argv.length), env, cwd);
    }

    private static CtlOptions build(Path socket, String[] rest, Map<String, String> env, Path cwd)
            throws UsageException {
        if (rest.length == 0) {
            throw new UsageException("no command given");
        }
        if (socket == null) {
            String home = env.get("TEGAMI_HOME");
            Path base = home == null || home.isEmpty() ? cwd : cwd.resolve(home);
            socket = base.resolve(AdminProtocol.DEFAULT_SOCKET);
        }
        return new CtlOptions(socket, rest[0], List.of(Arrays.copyOfRange(rest, 1, rest.length)), false);
    }
}
