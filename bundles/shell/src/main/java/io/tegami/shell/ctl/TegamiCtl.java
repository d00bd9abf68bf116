package io.tegami.shell.ctl;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Java side of {@code bin/tegami-ctl}: runs one console command in the running server through
 * its admin socket, prints the command's output and exits with its status.
 *
 * <pre>java -cp shell.jar io.tegami.shell.ctl.TegamiCtl [-s SOCKET] COMMAND [ARG...]</pre>
 *
 * <p>Standard input is passed on to the command if, and when, the command reads it
 * ({@code echo ... | tegami-ctl sendmail bob@example.org}).
 *
 * <p>It runs on the plain class path, outside OSGi, so it uses the JDK only. Exit status: the
 * command's own (0 success, 1 failure), {@value #EXIT_NO_SERVER} when nothing listens on the
 * socket, {@value #EXIT_USAGE} on a usage error. See {@link AdminProtocol} for the wire format.
 */
public final class TegamiCtl {

    static final int EXIT_NO_SERVER = 2;
    /** {@code EX_USAGE} from sysexits.h, apart from the command's own statuses. */
    static final int EXIT_USAGE = 64;

    private TegamiCtl() {
    }

    public static void main(String[] args) {
        // Raw descriptors: the bytes are copied as they are, with no re-encoding.
        InputStream in = new FileInputStream(FileDescriptor.in);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        System.exit(run(args, System.getenv(), Path.of("").toAbsolutePath(), in, out, err));
    }

    /** {@link #run(String[], Map, Path, InputStream, OutputStream, OutputStream)} with no standard input. */
    static int run(String[] args, Map<String, String> env, Path cwd, OutputStream out, OutputStream err) {
        return run(args, env, cwd, InputStream.nullInputStream(), out, err);
    }

    /** Does everything {@link #main} does except exit, so tests can call it. */
    static int run(String[] args, Map<String, String> env, Path cwd, InputStream in, OutputStream out,
            OutputStream err) {
        try {
            CtlOptions options;
            try {
                options = CtlOptions.parse(args, env, cwd);
            } catch (CtlOptions.UsageException e) {
                print(err, "tegami-ctl: " + e.getMessage() + "\n" + CtlOptions.USAGE);
                return EXIT_USAGE;
            }
            if (options.help()) {
                print(out, CtlOptions.USAGE);
                return AdminProtocol.EXIT_OK;
            }
            String line;
            try {
                line = GogoQuoting.commandLine(options.command(), options.args());
            } catch (IllegalArgumentException e) {
                print(err, "tegami-ctl: " + e.getMessage() + "\n");
                return EXIT_USAGE;
            }
            return call(options, line, in, out, err);
        } catch (IOException e) {
            // Our own stdout or stderr failed (a closed pipe): nothing sensible left to print.
            return AdminProtocol.EXIT_FAILED;
        }
    }

    private static int call(CtlOptions options, String line, InputStream in, OutputStream out, OutputStream err)
            throws IOException {
        try {
            return new AdminClient(options.socket()).call(line, in, out, err);
        } catch (AdminClient.CannotConnectException e) {
            String why = String.valueOf(e.getMessage());
            String hint = why.toLowerCase().contains("permission denied")
                    ? "permission denied: run it as the user Tegami runs as"
                    : "is Tegami running?";
            print(err, "tegami-ctl: cannot connect to " + options.socket() + ": " + hint + "\n");
            return EXIT_NO_SERVER;
        } catch (AdminClient.ProtocolException e) {
            print(err, "tegami-ctl: " + e.getMessage() + "\n");
            return AdminProtocol.EXIT_FAILED;
        }
    }

    private static void print(OutputStream stream, String text) throws IOException {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }
}
