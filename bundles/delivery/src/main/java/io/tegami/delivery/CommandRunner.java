package io.tegami.delivery;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tegami.api.delivery.DeliveryResult;

/**
 * Runs a delivery command as local(8) and pipe(8) do: {@code /bin/sh -c command} (the command line
 * is the admin's or the user's own; message data never reaches the shell, only the command's
 * standard input), with a clean environment, a working directory, and {@code command_time_limit}.
 * The exit status is mapped as Postfix's sys_exits table does: {@code 0} delivered,
 * {@code EX_TEMPFAIL (75)} and the other temporary codes deferred, everything else bounced with
 * what the command printed.
 */
final class CommandRunner {

    /** How much of the command's output a bounce repeats (Postfix keeps a short excerpt too). */
    static final int OUTPUT_LIMIT = 2048;

    private CommandRunner() {
    }

    /**
     * @param input the message with its added lines; read and closed here
     * @param env the whole environment of the command
     * @param what how logs and bounces name it ({@code command: /usr/bin/procmail})
     */
    static DeliveryResult run(String command, InputStream input, Map<String, String> env, File directory,
            Duration timeLimit, String what) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        if (directory != null && directory.isDirectory()) {
            builder.directory(directory);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            try (input) {
                // nothing to do: the stream only needs closing
            } catch (IOException ignored) {
                // closing a spool stream
            }
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "cannot execute " + what + ": " + e.getMessage());
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = start(() -> drain(process.getInputStream(), output), "command-output");
        Thread writer = start(() -> feed(input, process.getOutputStream()), "command-input");
        try {
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return DeliveryResult.bounced("5.3.0", LocalDeliveryAgent.RELAY, "Command time limit exceeded: \"" + command + "\"");
            }
            writer.join(1000);
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return DeliveryResult.deferred("4.3.0", LocalDeliveryAgent.RELAY, "interrupted while running " + what);
        }
        return map(process.exitValue(), command, what, text(output));
    }

    static DeliveryResult map(int status, String command, String what, String output) {
        if (status == 0) {
            return DeliveryResult.sent(LocalDeliveryAgent.RELAY, "delivered to " + what);
        }
        String detail = status > 128 ? "Command died with signal " + (status - 128) + ": \"" + command + "\""
                : "Command died with status " + status + ": \"" + command + "\"";
        if (!output.isEmpty()) {
            detail += ". Command output: " + output;
        }
        String dsn = switch (status) {
            case 64, 66, 69, 70, 74 -> "5.3.0"; // usage, no input, unavailable, software, I/O error
            case 65 -> "5.6.0"; // data format error
            case 67 -> "5.1.1"; // user unknown
            case 68 -> "5.1.2"; // host unknown
            case 71, 75 -> "4.3.0"; // OS error, temporary failure: try again later
            case 72 -> "5.3.0";
            case 73 -> "5.2.0"; // can't create output
            case 76 -> "5.5.0"; // remote protocol error
            case 77 -> "5.7.0"; // permission denied
            case 78 -> "5.3.5"; // configuration error
            default -> "5.3.0";
        };
        return dsn.startsWith("4") ? DeliveryResult.deferred(dsn, LocalDeliveryAgent.RELAY, detail)
                : DeliveryResult.bounced(dsn, LocalDeliveryAgent.RELAY, detail);
    }

    private static Thread start(Runnable job, String name) {
        Thread t = new Thread(job, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void drain(InputStream in, ByteArrayOutputStream keep) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (keep) {
                    int room = OUTPUT_LIMIT - keep.size();
                    if (room > 0) {
                        keep.write(buf, 0, Math.min(room, n));
                    }
                }
            }
        } catch (IOException e) {
            // the command closed its output: what was read is kept
        }
    }

    private static void feed(InputStream in, OutputStream out) {
        try (in; out) {
            in.transferTo(out);
        } catch (IOException e) {
            // a command that exits without reading everything is judged by its exit status, as in Postfix
        }
    }

    /** The output on one line, control characters made spaces. */
    private static String text(ByteArrayOutputStream output) {
        String s;
        synchronized (output) {
            s = output.toString(StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString().strip().replaceAll(" {2,}", " ");
    }
}
