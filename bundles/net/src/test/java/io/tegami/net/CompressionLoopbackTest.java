package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Connection.startCompression} (raw DEFLATE both ways, RFC 4978) and
 * {@code Connection.execute} on a real listener, with a client that compresses with the JDK's
 * zlib as an IMAP client would.
 */
class CompressionLoopbackTest {

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

    private int listen(String tlsMode) {
        Map<String, Object> props = new HashMap<>(Map.of("protocol", "fake", "port", "0", "address", "127.0.0.1",
                "tls", tlsMode));
        listener = new Listener(loops);
        listener.bindTlsProvider(tls);
        listener.bindHandler(handler, LoopbackTest.service(1, 0));
        listener.activate(props);
        return listener.boundAddresses().get(0).getPort();
    }

    /** The client side of a compressed connection: counts the octets on the wire. */
    private static final class Compressed {
        final CountingInput wire;
        final InputStream in;
        final OutputStream out;

        Compressed(LineClient c) {
            wire = new CountingInput(c.input());
            in = new InflaterInputStream(wire, new Inflater(true), 512);
            out = new DeflaterOutputStream(c.output(), new Deflater(6, true), 512, true);
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush(); // a sync flush: the server can inflate all of it
        }

        String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            if (b == -1 && line.size() == 0) {
                return null;
            }
            String s = line.toString(StandardCharsets.ISO_8859_1);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
    }

    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }

    @Test
    void bothDirectionsAreCompressedAfterTheGoAhead() throws Exception {
        try (LineClient c = new LineClient(listen("none"))) {
            assertEquals("220 fake ready", c.readLine());
            // What follows COMPRESS in the same packet came before the go-ahead: it is dropped.
            c.send("COMPRESS\r\nEARLY\r\n");
            assertEquals("OK compress", c.readLine());
            Compressed z = new Compressed(c);
            z.send("hello\r\n");
            assertEquals("ECHO hello CRLF", z.readLine());
            z.send("COMPRESS\r\n");
            assertEquals("NO active", z.readLine());
            long before = z.wire.count;
            z.send("BIG 204800\r\n");
            String big = z.readLine();
            assertEquals(204_800, big.length());
            assertTrue(big.chars().allMatch(ch -> ch == 'b'));
            assertEquals("BIG done", z.readLine());
            assertTrue(z.wire.count - before < 20_000, "200 kB of the same octet compress well: " + (z.wire.count - before));
            z.send("QUIT\r\n");
            assertEquals("221 bye", z.readLine());
            assertEquals(-1, z.wire.read(), "closed after the reply (the stream just stops, as in IMAP)");
        }
        handler.await("closed");
        assertTrue(handler.drain().stream().noneMatch(e -> e.contains("EARLY")));
    }

    @Test
    void compressionInsideTls() throws Exception {
        try (LineClient c = new LineClient(listen("starttls"))) {
            assertEquals("220 fake ready", c.readLine());
            c.send("STARTTLS\r\n");
            assertEquals("220 go ahead", c.readLine());
            c.startTls(tls.clientContext());
            c.send("COMPRESS\r\n");
            assertEquals("OK compress", c.readLine());
            Compressed z = new Compressed(c);
            z.send("SECURE?\r\n");
            assertEquals("secure=true canStartTls=false", z.readLine());
        }
    }

    @Test
    void aHighlyCompressedFloodIsInflatedInBatches() throws Exception {
        try (LineClient c = new LineClient(listen("none"))) {
            c.readLine();
            c.send("COMPRESS\r\n");
            c.readLine();
            Compressed z = new Compressed(c);
            // 3 MB of lines in some kilobytes: inflated 64 kB per read, as the session asks for more.
            byte[] lines = "x\r\n".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
            z.out.write(lines);
            z.send("COUNT?\r\n");
            assertEquals("count=1000000", z.readLine());
        }
    }

    @Test
    void corruptCompressedInputClosesTheConnection() throws Exception {
        try (LineClient c = new LineClient(listen("none"))) {
            c.readLine();
            c.send("COMPRESS\r\n");
            c.readLine();
            c.output().write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x13, 0x37});
            c.output().flush();
            assertEquals(-1, c.input().read(), "nothing was sent since the go-ahead");
        }
        handler.await("closed");
    }

    @Test
    void tasksRunOnTheSessionThreadInOrder() throws Exception {
        try (LineClient c = new LineClient(listen("none"))) {
            c.readLine();
            c.send("ASYNC 50\r\n");
            for (int i = 0; i < 50; i++) {
                String line = c.readLine();
                assertTrue(line.startsWith("task " + i + " tegami-session"), line);
            }
            c.send("QUIT\r\n");
            assertEquals("221 bye", c.readLine());
        }
        handler.await("closed");
        assertFalse(handler.drain().contains("overlap"));
    }
}
