package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tegami.api.net.Connection;
import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.net.ProtocolSession;

/** postfix stop on a real loopback listener: the port closes, sessions end at their safe point. */
class DrainTest {

    private static EventLoops loops;
    private Listener listener;

    @BeforeAll
    static void start() {
        loops = new EventLoops(2, 8);
    }

    @AfterAll
    static void stop() {
        loops.deactivate();
    }

    @AfterEach
    void deactivate() {
        if (listener != null) {
            listener.deactivate();
        }
    }

    /** BEGIN opens a "transaction", END closes it; a drain ends the session only outside one. */
    private static final class TxHandler implements ProtocolHandler {
        @Override
        public ProtocolSession newSession(Connection c) {
            return new ProtocolSession() {
                boolean inTransaction;
                boolean draining;

                @Override
                public void start() {
                    c.write("220 ready\r\n");
                }

                @Override
                public void lineReceived(Line line) {
                    switch (line.text()) {
                        case "BEGIN" -> {
                            inTransaction = true;
                            c.write("354 go\r\n");
                        }
                        case "END" -> {
                            inTransaction = false;
                            c.write("250 done\r\n");
                        }
                        default -> c.write("500 what\r\n");
                    }
                    if (draining && !inTransaction) {
                        goodbye();
                    }
                }

                @Override
                public void drainRequested() {
                    draining = true;
                    if (!inTransaction) {
                        goodbye();
                    }
                }

                private void goodbye() {
                    c.write("421 draining\r\n");
                    c.close();
                }

                @Override
                public void idle() {
                    c.close();
                }

                @Override
                public void shutdown() {
                    c.write("421 shutdown\r\n");
                    c.close();
                }

                @Override
                public void closed() {
                }
            };
        }
    }

    private int listen() {
        Map<String, Object> props = new HashMap<>(Map.of("protocol", "tx", "port", "0", "address", "127.0.0.1",
                "name", "txl"));
        listener = new Listener(loops);
        listener.bindHandler(new TxHandler(), Map.of("protocol", "tx", "service.id", 1L, "service.ranking", 0));
        listener.activate(props);
        return listener.boundAddresses().get(0).getPort();
    }

    @Test
    void portClosesIdleSessionsLeaveAndTransactionsFinishFirst() throws Exception {
        int port = listen();
        PublishedListener view = new PublishedListener(listener);
        assertEquals("txl", view.info().name());
        assertEquals(port, view.boundAddresses().get(0).getPort());
        try (LineClient idle = new LineClient(port); LineClient busy = new LineClient(port)) {
            assertEquals("220 ready", idle.readLine());
            assertEquals("220 ready", busy.readLine());
            busy.send("BEGIN\r\n");
            assertEquals("354 go", busy.readLine());
            assertEquals(2, view.openSessions());

            CompletableFuture<Void> done = view.drain(Duration.ofSeconds(10)).toCompletableFuture();
            assertTrue(view.boundAddresses().isEmpty(), "not accepting while draining");
            assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
            assertEquals("421 draining", idle.readLine(), "an idle session ends at once");
            assertNull(idle.readLine());
            Thread.sleep(300);
            assertFalse(done.isDone(), "the transaction in progress is waited for");
            assertEquals(1, view.inProgress());

            busy.send("END\r\n");
            assertEquals("250 done", busy.readLine());
            assertEquals("421 draining", busy.readLine());
            assertNull(busy.readLine());
            done.get(5, TimeUnit.SECONDS);
            assertEquals(0, view.inProgress());
        }
        // A handler arriving while draining does not open the port again.
        listener.bindHandler(new TxHandler(), Map.of("protocol", "tx", "service.id", 2L, "service.ranking", 5));
        assertTrue(listener.boundAddresses().isEmpty());
    }

    @Test
    void theBoundEndsTheWaitWithTheSessionStillOpen() throws Exception {
        int port = listen();
        try (LineClient busy = new LineClient(port)) {
            assertEquals("220 ready", busy.readLine());
            busy.send("BEGIN\r\n");
            assertEquals("354 go", busy.readLine());
            long t0 = System.nanoTime();
            listener.drain(Duration.ofMillis(400)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 350 && ms < 3000, "waited " + ms + " ms");
            assertEquals(1, listener.liveSessions(), "still open: the framework stop ends it");
        }
    }

    @Test
    void aListenerWithoutSessionsDrainsAtOnce() throws Exception {
        listen();
        listener.drain(Duration.ofSeconds(30)).toCompletableFuture().get(2, TimeUnit.SECONDS);
        assertTrue(listener.boundAddresses().isEmpty());
    }
}
