package io.tegami.shell.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tegami.shell.CommandFailedException;

/**
 * A stand-in for Gogo that understands a few words:
 * {@code echo TEXT} (TEXT to stdout), {@code warn TEXT} (to stderr, still success),
 * {@code fail TEXT} (throws), {@code fail77 TEXT} (throws with exit status 77, as doveadm auth
 * test does), {@code npe} (a bug without a message),
 * {@code stream} ("first", then waits for {@link #release}, then "second"),
 * {@code stop} (closes {@link #server} from inside the command, like {@code stop io.tegami.shell}),
 * {@code cat} (standard input to standard output, as it comes), {@code count} (the number of input
 * bytes). A failure reading the input is kept in {@link #inputError} and rethrown.
 */
final class ScriptedExecutor implements CommandExecutor {

    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile AdminSocketServer server;
    volatile String lastLine;
    volatile IOException inputError;
    final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public void execute(String line, InputStream in, OutputStream out, OutputStream err) throws Exception {
        try {
            run(line, in, out, err);
        } finally {
            finished.countDown();
        }
    }

    private void run(String line, InputStream in, OutputStream out, OutputStream err) throws Exception {
        lastLine = line;
        String word = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
        String rest = line.substring(word.length()).strip();
        switch (word) {
            case "echo" -> write(out, rest + "\n");
            case "warn" -> write(err, rest + "\n");
            case "fail" -> throw new CommandFailedException(rest);
            case "fail77" -> throw new CommandFailedException(77, rest);
            case "npe" -> throw new NullPointerException();
            case "stream" -> {
                write(out, "first\n");
                started.countDown();
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released: output was not streamed");
                }
                write(out, "second\n");
            }
            case "stop" -> {
                server.close();
                write(out, "stopped\n");
            }
            case "cat" -> {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = input(in, buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
            case "count" -> {
                long total = 0;
                byte[] buffer = new byte[8192];
                int n;
                while ((n = input(in, buffer)) >= 0) {
                    total += n;
                }
                write(out, total + "\n");
            }
            default -> throw new IllegalArgumentException("Command not found: " + word);
        }
    }

    private int input(InputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            inputError = e;
            throw e;
        }
    }

    private static void write(OutputStream stream, String text) throws Exception {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }
}
