package io.tegami.shell.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.console.ConsoleException;
import io.tegami.shell.ctl.AdminProtocol;

/**
 * One admin connection: reads its request, runs it, streams the output back and ends with the
 * exit status (see {@link AdminProtocol}).
 */
final class AdminConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminConnection.class);

    private final SocketChannel channel;
    private final CommandExecutor executor;
    private final RequestReader reader;
    private final Consumer<AdminConnection> onDone;
    private final ScheduledExecutorService watchdog;
    private final long inputIdleMillis;

    AdminConnection(SocketChannel channel, CommandExecutor executor, AdminSocketLimits limits,
            ScheduledExecutorService watchdog, Consumer<AdminConnection> onDone) {
        this.channel = channel;
        this.executor = executor;
        this.reader = new RequestReader(channel, limits.maxRequestBytes(), limits.idleTimeout().toMillis());
        this.watchdog = watchdog;
        this.inputIdleMillis = limits.inputIdleTimeout().toMillis();
        this.onDone = onDone;
    }

    @Override
    public void run() {
        try {
            String line;
            try {
                line = reader.read();
            } catch (RequestException e) {
                if (e.answered()) {
                    refuse(e.getMessage());
                } else {
                    LOG.debug("{}", e.getMessage());
                }
                return;
            }
            if (line != null) {
                execute(line);
            }
        } catch (IOException e) {
            LOG.debug("admin connection failed: {}", e.toString());
        } finally {
            close();
            onDone.accept(this);
        }
    }

    /**
     * Answers with an error and status 1 without running anything: a rejected request, or a server
     * too busy to take the connection.
     */
    void refuse(String message) {
        FrameSink sink = new FrameSink(channel);
        byte[] text = (message + "\n").getBytes(StandardCharsets.UTF_8);
        sink.frames(AdminProtocol.STDERR, text, 0, text.length);
        sink.exit(AdminProtocol.EXIT_FAILED);
    }

    /**
     * Drops the connection if it is still waiting for its request, as the server shuts down. A
     * command already running is left to finish and answer: it may be the very {@code stop} that
     * is shutting the server down.
     */
    void abortIfWaiting() {
        reader.cancel();
    }

    private void execute(String line) {
        FrameSink sink = new FrameSink(channel);
        OutputStream out = sink.stream(AdminProtocol.STDOUT);
        OutputStream err = sink.stream(AdminProtocol.STDERR);
        AdminInput in = new AdminInput(channel, sink, watchdog, inputIdleMillis, reader.leftover());
        int status = AdminProtocol.EXIT_OK;
        try {
            executor.execute(line, in, out, err);
        } catch (Exception | LinkageError e) {
            // The admin wants the message, as with any Unix command, not a stack trace. LinkageError:
            // a command whose bundle was just updated under it.
            status = e instanceof ConsoleException failed ? failed.exitCode() : AdminProtocol.EXIT_FAILED;
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            byte[] text = (message + "\n").getBytes(StandardCharsets.UTF_8);
            sink.frames(AdminProtocol.STDERR, text, 0, text.length);
            if (e.getMessage() == null || e instanceof Error) {
                LOG.warn("admin command failed", e); // no message: most likely a bug, keep the trace
            } else {
                LOG.debug("admin command failed: {}", message);
            }
        }
        sink.exit(status);
    }

    private void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing admin connection: {}", e.toString());
        }
    }
}
