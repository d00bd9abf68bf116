package io.tegami.shell.admin;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tegami.shell.CommandFailedException;

/**
 * A stand-in for Gogo that understands a few words:
 * {@code echo TEXT} (TEXT to stdout), {@code warn TEXT} (to stderr, still success),
 * {@code fail TEXT} (throws), {@code npe} (a bug without a message),
 * {@code stream} ("first", then waits for {@link #release}, then "second"),
 * {@code stop} (closes {@link #server} from inside the command, like {@code stop io.tegami.shell}).
 */
final class ScriptedExecutor implements CommandExecutor {

    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile AdminSocketServer server;
    volatile String lastLine;

    @Override
    public void execute(String line, OutputStream out, OutputStream err) throws Exception {
        lastLine = line;
        String word = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
        String rest = line.substring(word.length()).strip();
        switch (word) {
            case "echo" -> write(out, rest + "\n");
            case "warn" -> write(err, rest + "\n");
            case "fail" -> throw new CommandFailedException(rest);
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
            default -> throw new IllegalArgumentException("Command not found: " + word);
        }
    }

    private static void write(OutputStream stream, String text) throws Exception {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }
}
