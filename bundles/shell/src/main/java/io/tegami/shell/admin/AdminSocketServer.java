package io.tegami.shell.admin;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.shell.ctl.AdminProtocol;

/**
 * The server side of {@code bin/tegami-ctl}: a Unix-domain socket, mode 0600 in a 0700 directory,
 * that runs one console command per connection (protocol in {@link AdminProtocol}).
 *
 * <p>Connections are served by a small bounded pool; when it is full, new connections get an
 * error at once instead of waiting unseen. {@link #close()} stops accepting and deletes the socket
 * file, but lets commands already running finish and answer: the command may be the
 * {@code stop}/{@code update} of this very bundle, which closes this server from inside itself.
 */
public final class AdminSocketServer implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSocketServer.class);

    private final Path socket;
    private final CommandExecutor executor;
    private final AdminSocketLimits limits;
    private final Set<AdminConnection> connections = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor pool;
    /** Enforces {@code inputIdleTimeout} on commands reading standard input. */
    private final ScheduledThreadPoolExecutor watchdog;
    private volatile ServerSocketChannel server;
    private volatile boolean open;
    private Thread acceptor;

    public AdminSocketServer(Path socket, CommandExecutor executor, AdminSocketLimits limits) {
        this.socket = socket.toAbsolutePath();
        this.executor = executor;
        this.limits = limits;
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queued())), task -> {
                    Thread t = new Thread(task, "tegami-admin-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
        this.watchdog = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "tegami-admin-input-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    /** The socket's path. */
    public Path socket() {
        return socket;
    }

    /**
     * Binds the socket and starts accepting.
     *
     * @throws IOException if the socket cannot be created, or another server already answers on it
     */
    public synchronized void start() throws IOException {
        SocketFiles.prepareDirectory(socket);
        SocketFiles.removeStale(socket);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
            SocketFiles.restrict(socket);
        } catch (IOException | RuntimeException e) {
            channel.close();
            SocketFiles.delete(socket);
            throw e;
        }
        server = channel;
        open = true;
        acceptor = new Thread(this::acceptLoop, "tegami-admin-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("admin socket listening on {}", socket);
    }

    /** Stops accepting, deletes the socket file and drops connections still waiting to send. */
    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing admin socket: {}", e.toString());
        }
        SocketFiles.delete(socket);
        connections.forEach(AdminConnection::abortIfWaiting);
        // shutdown(), not shutdownNow(): an interrupt would close a running command's channel
        // (NIO channels are interruptible) and the admin would never get its answer.
        pool.shutdown();
        watchdog.shutdown(); // alarms already set still fire: commands reading input keep their limit
        if (Thread.currentThread() != acceptor) {
            try {
                acceptor.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("admin socket {} closed", socket);
    }

    private void acceptLoop() {
        while (open) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return; // close() was called
            } catch (IOException e) {
                if (!open) {
                    return;
                }
                // Out of file descriptors, typically: back off instead of spinning.
                LOG.warn("admin socket accept failed: {}", e.toString());
                sleepQuietly(200);
                continue;
            }
            dispatch(channel);
        }
    }

    private void dispatch(SocketChannel channel) {
        AdminConnection connection = new AdminConnection(channel, executor, limits, watchdog, connections::remove);
        connections.add(connection);
        try {
            pool.execute(connection);
        } catch (RejectedExecutionException e) {
            connections.remove(connection);
            connection.refuse(pool.isShutdown() ? "tegami: the admin socket is shutting down"
                    : "tegami: too many admin connections, try again");
            try {
                channel.close();
            } catch (IOException ignored) {
                // the client is told already, or gone
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
