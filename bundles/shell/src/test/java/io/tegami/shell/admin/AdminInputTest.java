package io.tegami.shell.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tegami.shell.ctl.AdminProtocol;
import io.tegami.shell.ctl.TegamiCtlAccess;

/** Standard input over the admin socket: asked for on demand, streamed, never mistaken for a clean end. */
class AdminInputTest {

    @TempDir
    Path home;

    private final ScriptedExecutor executor = new ScriptedExecutor();
    private AdminSocketServer server;

    private void start(Duration inputIdle) throws IOException {
        server = new AdminSocketServer(home.resolve("admin.sock"), executor,
                new AdminSocketLimits(Duration.ofSeconds(2), AdminProtocol.MAX_REQUEST_BYTES, 2, 2, inputIdle));
        executor.server = server;
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theClientsStandardInputReachesTheCommand() throws Exception {
        start(Duration.ofSeconds(5));
        TegamiCtlAccess.Result r = ctl(new ByteArrayInputStream("hello\nworld\n".getBytes(StandardCharsets.UTF_8)), "cat");
        assertEquals(new TegamiCtlAccess.Result(0, "hello\nworld\n", ""), r);
    }

    @Test
    void largeInputIsStreamedInFrames() throws Exception {
        start(Duration.ofSeconds(5));
        byte[] big = new byte[5 * 1024 * 1024 + 17];
        TegamiCtlAccess.Result r = ctl(new ByteArrayInputStream(big), "count");
        assertEquals(new TegamiCtlAccess.Result(0, big.length + "\n", ""), r);
    }

    @Test
    void inputIsReadOnlyWhenTheCommandAsksForIt() throws Exception {
        start(Duration.ofSeconds(5));
        AtomicBoolean touched = new AtomicBoolean();
        InputStream terminal = new InputStream() {
            @Override
            public int read() {
                touched.set(true);
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                touched.set(true);
                return -1;
            }
        };
        assertEquals(new TegamiCtlAccess.Result(0, "hi\n", ""), ctl(terminal, "echo", "hi"));
        Thread.sleep(100);
        assertFalse(touched.get(), "mailq must not read the terminal");
    }

    @Test
    void inputAndOutputInterleave() throws Exception {
        start(Duration.ofSeconds(5));
        // The input only produces its second line once the first came back as output: this
        // finishes only if nothing waits for the end of the input before running the command.
        CountDownLatch echoed = new CountDownLatch(1);
        InputStream in = new InputStream() {
            private final byte[] first = "first\n".getBytes(StandardCharsets.UTF_8);
            private final byte[] second = "second\n".getBytes(StandardCharsets.UTF_8);
            private int step;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                switch (step++) {
                    case 0:
                        System.arraycopy(first, 0, b, off, first.length);
                        return first.length;
                    case 1:
                        try {
                            if (!echoed.await(5, TimeUnit.SECONDS)) {
                                throw new IOException("first line never echoed");
                            }
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                        System.arraycopy(second, 0, b, off, second.length);
                        return second.length;
                    default:
                        return -1;
                }
            }
        };
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                if (toString(StandardCharsets.UTF_8).contains("first")) {
                    echoed.countDown();
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TegamiCtlAccess.run(new String[] {"-s", server.socket().toString(), "cat"}, home, in, out, err);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("first\nsecond\n", out.toString());
    }

    @Test
    void inputSentWithTheRequestIsNotLost() throws Exception {
        start(Duration.ofSeconds(5));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write("count\n".getBytes(StandardCharsets.US_ASCII));
        request.write(AdminProtocol.header(AdminProtocol.STDIN, 3));
        request.write("abc".getBytes(StandardCharsets.US_ASCII));
        request.write(AdminProtocol.header(AdminProtocol.STDIN, 0));
        try (SocketChannel ch = connect()) {
            ch.write(ByteBuffer.wrap(request.toByteArray()));
            assertEquals("3\n", answer(ch).out());
        }
    }

    @Test
    void aClientThatDiesMidInputIsAnErrorNotAShortMessage() throws Exception {
        start(Duration.ofSeconds(5));
        try (SocketChannel ch = connect()) {
            ch.write(ByteBuffer.wrap("count\n".getBytes(StandardCharsets.US_ASCII)));
            DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
            assertEquals(AdminProtocol.INPUT_REQUEST, AdminProtocol.readFrame(in).type());
            ch.write(ByteBuffer.wrap(AdminProtocol.header(AdminProtocol.STDIN, 2)));
            ch.write(ByteBuffer.wrap("ab".getBytes(StandardCharsets.US_ASCII)));
        } // closed without the end frame
        assertTrue(executor.finished.await(5, TimeUnit.SECONDS));
        assertNotNull(executor.inputError);
        assertTrue(executor.inputError.getMessage().contains("without its end marker"), executor.inputError.getMessage());
    }

    @Test
    void anIdleInputFailsTheCommandWithAMessage() throws Exception {
        start(Duration.ofMillis(300));
        try (SocketChannel ch = connect()) {
            ch.write(ByteBuffer.wrap("count\n".getBytes(StandardCharsets.US_ASCII)));
            AdminSocketServerTestAccess.Answer a = answer(ch);
            assertEquals(1, a.status());
            assertEquals("no input for 300 ms\n", a.err());
        }
    }

    @Test
    void aFrameOfTheWrongTypeIsAnError() throws Exception {
        start(Duration.ofSeconds(5));
        try (SocketChannel ch = connect()) {
            ch.write(ByteBuffer.wrap("count\n".getBytes(StandardCharsets.US_ASCII)));
            ch.write(ByteBuffer.wrap(AdminProtocol.header(AdminProtocol.STDOUT, 0)));
            AdminSocketServerTestAccess.Answer a = answer(ch);
            assertEquals(1, a.status());
            assertTrue(a.err().startsWith("unexpected frame type"), a.err());
        }
    }

    private TegamiCtlAccess.Result ctl(InputStream in, String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "-s";
        args[1] = server.socket().toString();
        System.arraycopy(command, 0, args, 2, command.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TegamiCtlAccess.run(args, home, in, out, err);
        return new TegamiCtlAccess.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private SocketChannel connect() throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(server.socket()));
        return ch;
    }

    private static AdminSocketServerTestAccess.Answer answer(SocketChannel ch) throws IOException {
        return AdminSocketServerTestAccess.read(ch);
    }
}
