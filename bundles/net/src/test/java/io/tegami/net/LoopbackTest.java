package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tegami.api.config.testing.MapMailParameters;

/** A real listener on a loopback port, driven by a blocking socket client. */
class LoopbackTest {

    private static EventLoops loops;
    private static TestTls tls;

    private final FakeHandler handler = new FakeHandler("fake");
    private Listener listener;

    @BeforeAll
    static void start() throws Exception {
        loops = new EventLoops(2, 8);
        tls = TestTls.create();
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

    static Map<String, Object> service(long id, int ranking) {
        return Map.of("protocol", "fake", "service.id", id, "service.ranking", ranking);
    }

    private int listen(boolean withTls, String... config) {
        Map<String, Object> props = new HashMap<>(Map.of("protocol", "fake", "port", "0", "address", "127.0.0.1"));
        for (int i = 0; i < config.length; i += 2) {
            props.put(config[i], config[i + 1]);
        }
        listener = new Listener(loops);
        if (withTls) {
            listener.bindTlsProvider(tls);
        }
        listener.bindHandler(handler, service(1, 0));
        listener.activate(props);
        return port();
    }

    private int port() {
        return listener.boundAddresses().get(0).getPort();
    }

    @Test
    void linesAreEchoedWithTheirEndingsOnSessionThreads() throws Exception {
        try (LineClient c = new LineClient(listen(false))) {
            assertEquals("220 fake ready", c.readLine());
            c.send("one\r\ntwo\nthree\r\n");
            assertEquals("ECHO one CRLF", c.readLine());
            assertEquals("ECHO two LF", c.readLine());
            assertEquals("ECHO three CRLF", c.readLine());
            c.send("LIT 5\r\nab\r\ncNEXT\r\n");
            assertEquals("OK 5", c.readLine());
            assertEquals("ECHO NEXT CRLF", c.readLine());
            c.send("QUIT\r\n");
            assertEquals("221 bye", c.readLine());
            assertNull(c.readLine());
        }
        handler.await("closed");
        assertTrue(handler.offEventLoop, "callbacks never run on an event loop");
    }

    @Test
    void startTlsUpgradesAndDropsPipelinedCleartext() throws Exception {
        try (LineClient c = new LineClient(listen(true, "tls", "starttls"))) {
            assertEquals("220 fake ready", c.readLine());
            c.send("SECURE?\r\n");
            assertEquals("secure=false canStartTls=true", c.readLine());
            c.send("STARTTLS\r\nINJECTED\r\n");
            assertEquals("220 go ahead", c.readLine());
            c.startTls(tls.clientContext());
            c.send("SECURE?\r\n");
            assertEquals("secure=true canStartTls=false", c.readLine());
            handler.await("tlsStarted");
        }
        handler.await("closed");
        assertEquals(List.of(), handler.drain().stream().filter(e -> e.contains("INJECTED")).toList());
    }

    @Test
    void implicitTlsStartsTheSessionAfterTheHandshake() throws Exception {
        try (LineClient c = LineClient.tls(tls.clientContext(), listen(true, "tls", "implicit"))) {
            assertEquals("220 fake ready", c.readLine());
            c.send("SECURE?\r\n");
            assertEquals("secure=true canStartTls=false", c.readLine());
        }
    }

    @Test
    void implicitTlsWithoutProviderRefusesConnections() throws Exception {
        try (LineClient c = new LineClient(listen(false, "tls", "implicit"))) {
            assertEquals(-1, c.input().read());
        }
        assertEquals(0, handler.sessions.get());
    }

    @Test
    void handlerRemovalClosesThePortAndEndsSessionsWithTheirGoodbye() throws Exception {
        int port = listen(false);
        try (LineClient c = new LineClient(port)) {
            assertEquals("220 fake ready", c.readLine());
            listener.unbindHandler(handler, service(1, 0));
            assertEquals("421 fake shutting down", c.readLine());
            assertNull(c.readLine());
        }
        handler.await("shutdown");
        handler.await("closed");
        assertEquals(List.of(), listener.boundAddresses());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());

        listener.bindHandler(handler, service(1, 0));
        try (LineClient c = new LineClient(port())) {
            assertEquals("220 fake ready", c.readLine(), "back when the handler returns");
        }
    }

    @Test
    void aBetterHandlerTakesNewConnectionsAndOnlyTheLeavingOnesSessionsEnd() throws Exception {
        int port = listen(false);
        FakeHandler better = new FakeHandler("better");
        try (LineClient old = new LineClient(port)) {
            assertEquals("220 fake ready", old.readLine());
            listener.bindHandler(better, service(2, 10));
            try (LineClient fresh = new LineClient(port)) {
                assertEquals("220 better ready", fresh.readLine());
                listener.unbindHandler(handler, service(1, 0));
                assertEquals("421 fake shutting down", old.readLine());
                fresh.send("still\r\n");
                assertEquals("ECHO still CRLF", fresh.readLine());
            }
        }
        assertEquals(port, port(), "the port stayed open");
    }

    @Test
    void idleSessionsAreToldSo() throws Exception {
        try (LineClient c = new LineClient(listen(false, "idle_timeout", "1"))) {
            assertEquals("220 fake ready", c.readLine());
            assertEquals("421 idle", c.readLine());
            assertNull(c.readLine());
        }
    }

    @Test
    void aFailingSessionClosesWithoutStackTraceAndClosedComesOnce() throws Exception {
        try (LineClient c = new LineClient(listen(false))) {
            assertEquals("220 fake ready", c.readLine());
            c.send("BOOM\r\n");
            assertNull(c.readLine(), "closed, nothing written");
        }
        handler.await("closed");
        Thread.sleep(100);
        assertEquals(1, handler.closed.get());
    }

    @Test
    void aVanishingClientEndsTheSessionOnce() throws Exception {
        try (LineClient c = new LineClient(listen(false))) {
            assertEquals("220 fake ready", c.readLine());
        }
        handler.await("closed");
        Thread.sleep(100);
        assertEquals(1, handler.closed.get());
        assertEquals(0, listener.liveSessions());
    }

    @Test
    void connectionsBeyondTheLimitGetTheProtocolsRefusalAndAreClosed() throws Exception {
        int port = listen(false, "max_connections", "1");
        try (LineClient first = new LineClient(port)) {
            assertEquals("220 fake ready", first.readLine());
            try (LineClient second = new LineClient(port)) {
                assertEquals("421 fake busy", second.readLine());
                assertNull(second.readLine());
            }
            handler.await("refused");
            assertEquals(1, handler.sessions.get(), "no session for a refused connection");
            assertEquals(1, listener.liveSessions(), "a refused connection does not count");
        }
        handler.await("closed");
        long deadline = System.currentTimeMillis() + 2000;
        while (listener.liveSessions() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        try (LineClient third = new LineClient(port)) {
            assertEquals("220 fake ready", third.readLine());
        }
    }

    @Test
    void implicitTlsListenersCloseRefusedConnectionsWithoutAHandshake() throws Exception {
        int port = listen(true, "tls", "implicit", "max_connections", "1");
        try (LineClient first = LineClient.tls(tls.clientContext(), port)) {
            assertEquals("220 fake ready", first.readLine());
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
                second.setSoTimeout(5000);
                assertEquals(-1, second.getInputStream().read());
            }
        }
        assertEquals(List.of(), handler.drain().stream().filter(e -> e.equals("refused")).toList());
    }

    @Test
    void theClientConnectionCountCoversThisListenersLiveConnectionsFromTheSameAddress() throws Exception {
        int port = listen(false);
        try (LineClient a = new LineClient(port); LineClient b = new LineClient(port)) {
            assertEquals("220 fake ready", a.readLine());
            assertEquals("220 fake ready", b.readLine());
            a.send("CLIENTS?\r\n");
            assertEquals("clients=2", a.readLine());
            b.send("QUIT\r\n");
            assertEquals("221 bye", b.readLine());
            assertNull(b.readLine());
            handler.await("closed");
            long deadline = System.currentTimeMillis() + 2000;
            String answer;
            do {
                a.send("CLIENTS?\r\n");
                answer = a.readLine();
            } while (!answer.equals("clients=1") && System.currentTimeMillis() < deadline);
            assertEquals("clients=1", answer);
        }
    }

    @Test
    void loginsAreLimitedPerUserListedKickedWithTheGoodbyeAndDroppedWhenTheConnectionCloses() throws Exception {
        NetLoginRegistry logins = new NetLoginRegistry();
        handler.logins = logins;
        int port = listen(false);
        try (LineClient a = new LineClient(port); LineClient b = new LineClient(port);
                LineClient c = new LineClient(port); LineClient d = new LineClient(port)) {
            for (LineClient x : List.of(a, b, c, d)) {
                assertEquals("220 fake ready", x.readLine());
            }
            a.send("LOGIN alice\r\n");
            assertEquals("OK", a.readLine());
            b.send("LOGIN alice\r\n");
            assertEquals("OK", b.readLine());
            c.send("LOGIN alice\r\n");
            assertEquals("LIMIT", c.readLine(), "a third login of alice from this address");
            c.send("LOGIN Alice\r\n");
            assertEquals("OK", c.readLine(), "user names are compared exactly");
            d.send("LOGIN bob\r\n");
            assertEquals("OK", d.readLine());
            assertEquals(List.of("alice", "alice", "Alice", "bob"), logins.logins().stream().map(l -> l.user()).toList());
            assertEquals("fake", logins.logins().get(0).protocol());

            assertEquals(2, logins.kick(l -> l.user().equals("alice")).size());
            assertEquals("421 fake shutting down", a.readLine());
            assertNull(a.readLine());
            assertEquals("421 fake shutting down", b.readLine());
            assertNull(b.readLine());

            d.send("QUIT\r\n"); // bob never closes his login: closing the connection drops it
            assertEquals("221 bye", d.readLine());
            long deadline = System.currentTimeMillis() + 2000;
            while (logins.logins().size() > 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of("Alice"), logins.logins().stream().map(l -> l.user()).toList());
            c.send("LOGIN alice\r\n");
            assertEquals("OK", c.readLine(), "the kicked sessions gave their slots back");
        }
    }

    @Test
    void withoutAnAddressTheListenerBindsWhereMainCfSays() throws Exception {
        listener = new Listener(loops);
        listener.bindHandler(handler, service(1, 0));
        listener.activate(new HashMap<>(Map.of("protocol", "fake", "port", "0")));
        assertEquals(InetAddress.getByName("127.0.0.1"), listener.boundAddresses().get(0).getAddress(),
                "loopback until the parameters arrive");
        listener.bindParameters(MapMailParameters.of(Path.of("/tmp"), "listen", "127.0.0.2"));
        assertEquals(1, listener.boundAddresses().size());
        assertEquals(InetAddress.getByName("127.0.0.2"), listener.boundAddresses().get(0).getAddress(),
                "Dovecot's listen, for protocols other than smtp");
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.2"), port());
                LineClient c = new LineClient(s)) {
            assertEquals("220 fake ready", c.readLine());
        }
    }

    @Test
    void settingsChangesWithoutAddressChangeKeepThePortAndTheSessions() throws Exception {
        int port = listen(false);
        try (LineClient c = new LineClient(port)) {
            assertEquals("220 fake ready", c.readLine());
            listener.modified(Map.of("protocol", "fake", "port", "0", "address", "127.0.0.1", "idle_timeout", "60"));
            assertEquals(port, port());
            c.send("alive\r\n");
            assertEquals("ECHO alive CRLF", c.readLine());
        }
    }

    @Test
    void aSlowSessionStopsReadingFromAFastClient() throws Exception {
        int total = 128 * 1024 * 1024;
        try (LineClient c = new LineClient(listen(false))) {
            assertEquals("220 fake ready", c.readLine());
            c.send("BLOCK\r\n");
            handler.await("line:BLOCK");
            byte[] line = new byte[1024];
            java.util.Arrays.fill(line, (byte) 'x');
            line[1022] = '\r';
            line[1023] = '\n';
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    while (written.get() < total) {
                        c.output().write(line);
                        written.addAndGet(line.length);
                    }
                } catch (IOException e) {
                    // reported by the assertions below
                }
            });
            writer.start();
            long last = -1;
            while (written.get() != last) { // until the writer stalls
                last = written.get();
                Thread.sleep(300);
            }
            assertTrue(last < total / 2, "the client was held back, wrote " + last);
            handler.release.countDown();
            writer.join(10_000);
            assertFalse(writer.isAlive());
            c.send("COUNT?\r\n");
            assertEquals("count=" + total / line.length, c.readLine());
        }
    }

    @Test
    void aClientThatDoesNotReadHoldsTheWritingSession() throws Exception {
        int size = 16 * 1024 * 1024;
        try (LineClient c = new LineClient(listen(false))) {
            assertEquals("220 fake ready", c.readLine());
            c.send("BIG " + size + "\r\n");
            Thread.sleep(300);
            assertFalse(handler.drain().contains("bigdone"), "the session waits for the client to read");
            byte[] sink = new byte[65536];
            long read = 0;
            while (read < size) {
                read += c.input().read(sink);
            }
            handler.await("bigdone");
        }
    }
}
