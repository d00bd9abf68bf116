package io.tegami.net;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.tegami.api.net.Connection;
import io.tegami.api.net.Line;
import io.tegami.api.net.LoginRegistry;
import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.net.ProtocolSession;

/**
 * A small line protocol for tests. Every callback is recorded as an event ("start", "line:TEXT",
 * "tlsStarted", "idle", "shutdown", "closed"...); commands: STARTTLS, QUIT, LIT n (counted input),
 * BOOM (throws), BLOCK (waits for {@link #release}), COUNT? (lines starting with x seen), SECURE?,
 * BIG n (writes n bytes), CLIENTS? (the client's connection count), LOGIN user (registers with
 * {@link #logins}, at most 2 per user and IP), COMPRESS (go-ahead, then DEFLATE both ways; "NO
 * active" the second time), ASYNC n (another thread hands n tasks to {@code Connection.execute},
 * each writes "task i thread-name"), anything else is echoed with its ending. A refused
 * connection gets "421 NAME busy".
 */
final class FakeHandler implements ProtocolHandler {

    final String name;
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final AtomicInteger sessions = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicLong xLines = new AtomicLong();
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean offEventLoop = true;
    /** The connection of the latest session. */
    volatile Connection connection;
    /** Where LOGIN registers; set by tests that use it. */
    volatile LoginRegistry logins;

    FakeHandler(String name) {
        this.name = name;
    }

    @Override
    public void refuse(Connection connection) {
        events.add("refused");
        connection.write("421 " + name + " busy\r\n");
    }

    @Override
    public ProtocolSession newSession(Connection connection) {
        sessions.incrementAndGet();
        this.connection = connection;
        return new Session(connection);
    }

    /** Waits for the next event with this prefix, skipping others; fails after 5 s. */
    String await(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String e = events.poll(50, TimeUnit.MILLISECONDS);
            if (e != null && e.startsWith(prefix)) {
                return e;
            }
        }
        throw new AssertionError("no event " + prefix + " from " + name);
    }

    List<String> drain() {
        List<String> all = new java.util.ArrayList<>();
        events.drainTo(all);
        return all;
    }

    private final class Session implements ProtocolSession {
        private final Connection c;
        private long counted;

        Session(Connection c) {
            this.c = c;
        }

        private void event(String e) {
            String thread = Thread.currentThread().getName();
            if (thread.startsWith("tegami-io") || thread.startsWith("tegami-accept")) {
                offEventLoop = false;
            }
            events.add(e);
        }

        @Override
        public void start() {
            event("start");
            c.write("220 " + name + " ready\r\n");
        }

        @Override
        public void lineReceived(Line line) {
            String text = line.text();
            if (text.startsWith("x")) {
                xLines.incrementAndGet(); // bulk input: counted, not recorded
                return;
            }
            event("line:" + text);
            String[] words = text.split(" ");
            switch (words[0]) {
                case "STARTTLS" -> {
                    c.write("220 go ahead\r\n");
                    c.startTls();
                }
                case "QUIT" -> {
                    c.write("221 bye\r\n");
                    c.close();
                }
                case "LIT" -> c.readBytes(Long.parseLong(words[1]));
                case "BOOM" -> throw new IllegalStateException("boom");
                case "BLOCK" -> awaitRelease();
                case "COUNT?" -> c.write("count=" + xLines.get() + "\r\n");
                case "SECURE?" -> c.write("secure=" + c.isSecure() + " canStartTls=" + c.canStartTls() + "\r\n");
                case "BIG" -> big(Integer.parseInt(words[1]));
                case "CLIENTS?" -> c.write("clients=" + c.clientConnectionCount() + "\r\n");
                case "LOGIN" -> c.write(logins.register(words[1], c, 2).isPresent() ? "OK\r\n" : "LIMIT\r\n");
                case "COMPRESS" -> compress();
                case "ASYNC" -> async(Integer.parseInt(words[1]));
                default -> c.write("ECHO " + text + " " + line.ending() + "\r\n");
            }
        }

        private void compress() {
            if (c.isCompressed()) {
                c.write("NO active\r\n");
                return;
            }
            c.write("OK compress\r\n");
            c.startCompression(6);
        }

        /** Tasks from a thread of its own; each checks that no other callback runs at the same time. */
        private void async(int n) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    int k = i;
                    if (!c.execute(() -> task(k))) {
                        events.add("refused:" + k);
                    }
                }
            }, "async-submitter");
            t.start();
        }

        private final AtomicInteger running = new AtomicInteger();

        private void task(int k) {
            if (running.incrementAndGet() != 1) {
                events.add("overlap");
            }
            event("task:" + k);
            c.write("task " + k + " " + Thread.currentThread().getName() + "\r\n");
            running.decrementAndGet();
        }

        private void awaitRelease() {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void big(int size) {
            byte[] chunk = new byte[1024];
            java.util.Arrays.fill(chunk, (byte) 'b');
            for (int sent = 0; sent < size; sent += chunk.length) {
                c.write(chunk.clone());
            }
            c.write("\r\nBIG done\r\n");
            event("bigdone");
        }

        @Override
        public void bytesReceived(ByteBuffer chunk, boolean last) {
            counted += chunk.remaining();
            if (last) {
                event("bytes:" + counted);
                c.write("OK " + counted + "\r\n");
                counted = 0;
            }
        }

        @Override
        public void tlsStarted() {
            event("tlsStarted");
        }

        @Override
        public void tlsFailed(Exception cause) {
            event("tlsFailed");
        }

        @Override
        public void idle() {
            event("idle");
            c.write("421 idle\r\n");
            c.close();
        }

        @Override
        public void shutdown() {
            event("shutdown");
            c.write("421 " + name + " shutting down\r\n");
            c.close();
        }

        @Override
        public void closed() {
            closed.incrementAndGet();
            event("closed");
        }
    }
}
