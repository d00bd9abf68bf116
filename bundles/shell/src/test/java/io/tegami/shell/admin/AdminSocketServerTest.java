package io.tegami.shell.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.shell.ctl.AdminProtocol;
import io.tegami.shell.ctl.TegamiCtlAccess;

/** The admin socket server and the tegami-ctl client together, in one JVM, with a scripted executor. */
class AdminSocketServerTest {

    private static final AdminSocketLimits FAST =
            new AdminSocketLimits(Duration.ofSeconds(1), AdminProtocol.MAX_REQUEST_BYTES, 2, 2);

    @TempDir
    Path home;

    private final ScriptedExecutor executor = new ScriptedExecutor();
    private AdminSocketServer server;

    private Path socket() {
        return home.resolve("data/private/admin.sock");
    }

    private AdminSocketServer start(AdminSocketLimits limits) throws IOException {
        server = new AdminSocketServer(socket(), executor, limits);
        executor.server = server;
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void successPrintsOutputAndErrorAndExitsZero() throws Exception {
        start(FAST);
        TegamiCtlAccess.Result r = ctl("echo", "hello world");
        assertEquals(0, r.status());
        assertEquals("'hello world'\n", r.out()); // the fake echoes the raw, quoted line
        assertEquals("echo 'hello world'", executor.lastLine);

        r = ctl("warn", "careful");
        assertEquals(0, r.status());
        assertEquals("", r.out());
        assertEquals("careful\n", r.err());
    }

    @Test
    void failurePrintsTheMessageOnlyAndExitsOne() throws Exception {
        start(FAST);
        TegamiCtlAccess.Result r = ctl("fail", "useradd:", "user", "exists");
        assertEquals(1, r.status());
        assertEquals("useradd: user exists\n", r.err());
        assertEquals("", r.out());

        r = ctl("npe");
        assertEquals(1, r.status());
        assertEquals("java.lang.NullPointerException\n", r.err());
    }

    @Test
    void aCommandsOwnExitStatusReachesTheClient() throws Exception {
        start(FAST);
        TegamiCtlAccess.Result r = ctl("fail77", "passdb:", "alice", "auth", "failed");
        assertEquals(77, r.status());
        assertEquals("passdb: alice auth failed\n", r.err());
    }

    @Test
    void noServerExitsTwo() {
        TegamiCtlAccess.Result r = ctl("echo", "x");
        assertEquals(2, r.status());
        assertEquals("tegami-ctl: cannot connect to " + socket() + ": is Tegami running?\n", r.err());
    }

    @Test
    void usageErrorExits64() {
        TegamiCtlAccess.Result r = TegamiCtlAccess.run(Map.of(), home);
        assertEquals(64, r.status());
        assertTrue(r.err().startsWith("tegami-ctl: no command given\nusage: tegami-ctl"), r.err());
    }

    @Test
    void socketIsOwnerOnlyInAPrivateDirectory() throws Exception {
        start(FAST);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket().getParent())));
    }

    @Test
    void closeDeletesTheSocket() throws Exception {
        start(FAST).close();
        assertFalse(Files.exists(socket()));
        assertEquals(2, ctl("echo", "x").status());
    }

    @Test
    void oversizedRequestIsRejected() throws Exception {
        start(FAST);
        TegamiCtlAccess.Result r = ctl("echo", "a".repeat(AdminProtocol.MAX_REQUEST_BYTES));
        assertEquals(1, r.status());
        assertEquals("tegami: request longer than 65536 bytes\n", r.err());
        assertNull(executor.lastLine);
    }

    @Test
    void requestOfExactlyTheLimitIsAccepted() throws Exception {
        start(FAST);
        String line = "echo " + "b".repeat(AdminProtocol.MAX_REQUEST_BYTES - 5);
        Raw r = raw((line + "\n").getBytes(StandardCharsets.US_ASCII), false);
        assertEquals(0, r.status());
        assertEquals(line, executor.lastLine);
    }

    @Test
    void requestEndedByHalfCloseInsteadOfNewlineWorks() throws Exception {
        start(FAST);
        Raw r = raw("echo half".getBytes(StandardCharsets.US_ASCII), true);
        assertEquals(0, r.status());
        assertEquals("half\n", r.out());
    }

    @Test
    void invalidUtf8IsRejected() throws Exception {
        start(FAST);
        Raw r = raw(new byte[] {'e', 'c', 'h', 'o', ' ', (byte) 0xff, '\n'}, false);
        assertEquals(1, r.status());
        assertEquals("tegami: request is not valid UTF-8\n", r.err());
    }

    @Test
    void silentClientIsDropped() throws Exception {
        start(FAST);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (SocketChannel ch = connect()) {
                ch.write(ByteBuffer.wrap("echo never finished".getBytes(StandardCharsets.US_ASCII)));
                assertEquals(-1, ch.read(ByteBuffer.allocate(16)), "dropped without an answer");
            }
        });
        assertNull(executor.lastLine);
    }

    @Test
    void outputIsStreamedWhileTheCommandRuns() throws Exception {
        start(FAST);
        // The command waits until the client has printed "first": it only finishes if frames
        // reach the client before the command ends.
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                if (toString(StandardCharsets.UTF_8).contains("first")) {
                    executor.release.countDown();
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TegamiCtlAccess.run(new String[] {"-s", socket().toString(), "stream"}, home, out, err);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertEquals("first\nsecond\n", out.toString());
    }

    @Test
    void commandThatStopsTheServerStillGetsItsAnswer() throws Exception {
        start(FAST);
        TegamiCtlAccess.Result r = ctl("stop");
        assertEquals(0, r.status());
        assertEquals("stopped\n", r.out());
        assertFalse(Files.exists(socket()));
    }

    @Test
    void busyServerTurnsNewConnectionsAwayAtOnce() throws Exception {
        start(new AdminSocketLimits(Duration.ofSeconds(5), AdminProtocol.MAX_REQUEST_BYTES, 1, 1));
        CompletableFuture<TegamiCtlAccess.Result> running = CompletableFuture.supplyAsync(() -> ctl("stream"));
        assertTrue(executor.started.await(5, TimeUnit.SECONDS));
        try (SocketChannel queued = connect()) {
            queued.write(ByteBuffer.wrap("echo queued\n".getBytes(StandardCharsets.US_ASCII)));
            TegamiCtlAccess.Result refused = ctl("echo", "refused");
            assertEquals(1, refused.status());
            assertEquals("tegami: too many admin connections, try again\n", refused.err());

            executor.release.countDown();
            assertEquals("first\nsecond\n", running.get(5, TimeUnit.SECONDS).out());
            Raw r = read(queued);
            assertEquals(0, r.status());
            assertEquals("queued\n", r.out());
        }
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        Files.createDirectories(socket().getParent());
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket())); // closing leaves the file behind
        }
        assertTrue(Files.exists(socket()));
        start(FAST);
        assertEquals(0, ctl("echo", "x").status());
    }

    @Test
    void liveSocketOfAnotherServerIsNotStolen() throws Exception {
        start(FAST);
        AdminSocketServer second = new AdminSocketServer(socket(), executor, FAST);
        IOException e = assertThrows(IOException.class, second::start);
        assertEquals("another server is listening on " + socket(), e.getMessage());
        assertEquals(0, ctl("echo", "still me").status());
    }

    @Test
    void somethingElseAtTheSocketPathIsLeftAlone() throws Exception {
        Files.createDirectories(socket().getParent());
        Files.writeString(socket(), "precious");
        AdminSocketServer s = new AdminSocketServer(socket(), executor, FAST);
        assertThrows(IOException.class, s::start);
        assertEquals("precious", Files.readString(socket()));
    }

    private TegamiCtlAccess.Result ctl(String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "-s";
        args[1] = socket().toString();
        System.arraycopy(command, 0, args, 2, command.length);
        return TegamiCtlAccess.run(Map.of(), home, args);
    }

    private SocketChannel connect() throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket()));
        return ch;
    }

    /** What a raw client got back. */
    record Raw(int status, String out, String err) {
    }

    private Raw raw(byte[] request, boolean halfClose) throws IOException {
        try (SocketChannel ch = connect()) {
            ByteBuffer b = ByteBuffer.wrap(request);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (halfClose) {
                ch.shutdownOutput();
            }
            return read(ch);
        }
    }

    private static Raw read(SocketChannel ch) throws IOException {
        var in = new java.io.DataInputStream(java.nio.channels.Channels.newInputStream(ch));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        while (true) {
            AdminProtocol.Frame f = AdminProtocol.readFrame(in);
            if (f == null) {
                throw new IOException("no exit frame");
            }
            switch (f.type()) {
                case AdminProtocol.STDOUT -> out.write(f.payload());
                case AdminProtocol.STDERR -> err.write(f.payload());
                case AdminProtocol.INPUT_REQUEST -> { }
                default -> {
                    return new Raw(f.exitStatus(), out.toString(StandardCharsets.UTF_8),
                            err.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
