package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;

/**
 * The session handler on an in-memory channel, where the order of events is under the test's
 * control: no sockets, no threads.
 */
class SessionHandlerTest {

    private static TestTls tls;

    @BeforeAll
    static void certificate() throws Exception {
        tls = TestTls.create();
    }

    private final FakeHandler handler = new FakeHandler("fake");

    private EmbeddedChannel channel(String tlsMode) throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(false, false);
        ListenerSettings settings = ListenerSettings.parse(Map.of("protocol", "fake", "port", "0", "tls", tlsMode));
        ch.pipeline().addLast(new SessionHandler(ch, handler, settings, () -> tls, null));
        ch.register();
        assertEquals("220 fake ready\r\n", outbound(ch));
        return ch;
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    private static String outbound(EmbeddedChannel ch) {
        StringBuilder all = new StringBuilder();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            all.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return all.toString();
    }

    @Test
    void repliesAreFlushedAfterTheInputBatchNotBefore() throws Exception {
        EmbeddedChannel ch = channel("none");
        ch.pipeline().fireChannelRead(bytes("one\r\ntwo\r\n"));
        assertEquals("", outbound(ch), "written but not flushed yet");
        ch.pipeline().fireChannelReadComplete();
        assertEquals("ECHO one CRLF\r\nECHO two CRLF\r\n", outbound(ch));
        ch.finishAndReleaseAll();
    }

    @Test
    void startTlsDropsInputPipelinedBehindItAndSendsTheGoAheadInClear() throws Exception {
        EmbeddedChannel ch = channel("starttls");
        // Same buffer as STARTTLS, and a second buffer that arrived before TLS was in place.
        ch.pipeline().fireChannelRead(bytes("STARTTLS\r\nMAIL FROM:<a@evil>\r\n"));
        ch.pipeline().fireChannelRead(bytes("RCPT TO:<b@victim>\r\n"));
        ch.pipeline().fireChannelReadComplete();
        assertEquals("220 go ahead\r\n", outbound(ch), "the go-ahead leaves in clear");
        ch.runPendingTasks();
        assertInstanceOf(SslHandler.class, ch.pipeline().first(), "TLS goes in front of everything");
        assertEquals(List.of("start", "line:STARTTLS"), handler.drain(), "nothing after STARTTLS was obeyed");
        ch.finishAndReleaseAll();
    }

    @Test
    void startTlsIsRefusedWhereTheListenerDoesNotOfferIt() throws Exception {
        EmbeddedChannel ch = channel("none");
        ch.pipeline().fireChannelRead(bytes("SECURE?\r\nSTARTTLS\r\nafter\r\n"));
        ch.pipeline().fireChannelReadComplete();
        assertEquals("secure=false canStartTls=false\r\n220 go ahead\r\n", outbound(ch));
        ch.runPendingTasks();
        assertFalse(ch.isOpen(), "startTls() threw: the connection is closed");
        assertFalse(handler.drain().contains("line:after"));
        assertEquals(1, handler.closed.get());
        ch.finishAndReleaseAll();
    }

    @Test
    void anExceptionFromTheSessionClosesTheConnectionQuietly() throws Exception {
        EmbeddedChannel ch = channel("none");
        ch.pipeline().fireChannelRead(bytes("hello\r\nBOOM\r\nnever\r\n"));
        ch.pipeline().fireChannelReadComplete();
        ch.runPendingTasks();
        String out = outbound(ch);
        assertEquals("ECHO hello CRLF\r\n", out, "no stack trace, no further replies");
        assertFalse(ch.isOpen());
        assertEquals(List.of("start", "line:hello", "line:BOOM", "closed"), handler.drain());
        ch.close();
        assertEquals(1, handler.closed.get(), "closed() exactly once");
        assertNull(ch.readOutbound());
    }

    @Test
    void countedInputBetweenLines() throws Exception {
        EmbeddedChannel ch = channel("none");
        ch.pipeline().fireChannelRead(bytes("LIT 9\r\nab"));
        ch.pipeline().fireChannelRead(bytes("c\r\nde\r\nnext\n"));
        ch.pipeline().fireChannelReadComplete();
        assertEquals("OK 9\r\nECHO next LF\r\n", outbound(ch));
        assertTrue(handler.drain().contains("bytes:9"));
        ch.finishAndReleaseAll();
    }

    @Test
    void compressionGoesInAfterTheGoAheadAndDropsWhatCameWithTheCommand() throws Exception {
        EmbeddedChannel ch = channel("none");
        ch.pipeline().fireChannelRead(bytes("COMPRESS\r\nEARLY\r\n"));
        ch.pipeline().fireChannelReadComplete();
        assertEquals("OK compress\r\n", outbound(ch), "the go-ahead leaves uncompressed");
        ch.runPendingTasks();
        assertInstanceOf(DeflateCodec.class, ch.pipeline().first());
        Deflater deflater = new Deflater(6, true);
        deflater.setInput("hello\r\nCOMPRESS\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] packet = new byte[100];
        int n = deflater.deflate(packet, 0, packet.length, Deflater.SYNC_FLUSH);
        ch.pipeline().fireChannelRead(Unpooled.wrappedBuffer(packet, 0, n));
        ch.pipeline().fireChannelReadComplete();
        ch.runPendingTasks();
        Inflater inflater = new Inflater(true);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteBuf b;
        int flushes = 0;
        while ((b = ch.readOutbound()) != null) {
            byte[] data = new byte[b.readableBytes()];
            b.readBytes(data);
            b.release();
            wire.writeBytes(data);
            flushes += data.length >= 4 && data[data.length - 1] == (byte) 0xff && data[data.length - 2] == (byte) 0xff ? 1 : 0;
        }
        inflater.setInput(wire.toByteArray());
        byte[] plain = new byte[200];
        int m = inflater.inflate(plain);
        assertEquals("ECHO hello CRLF\r\nNO active\r\n", new String(plain, 0, m, StandardCharsets.US_ASCII));
        assertEquals(1, flushes, "one sync flush for the batch, ending with 00 00 ff ff");
        assertEquals(List.of("start", "line:COMPRESS", "line:hello", "line:COMPRESS"), handler.drain());
        ch.finishAndReleaseAll();
    }

    @Test
    void tasksRunLikeCallbacksUntilTheConnectionCloses() throws Exception {
        EmbeddedChannel ch = channel("none");
        assertTrue(handler.connection.execute(() -> handler.connection.write("from a task\r\n")));
        assertEquals("", outbound(ch), "not on the caller's thread");
        ch.runPendingTasks();
        assertEquals("from a task\r\n", outbound(ch), "written and flushed");
        ch.pipeline().fireChannelRead(bytes("QUIT\r\n"));
        ch.pipeline().fireChannelReadComplete();
        ch.runPendingTasks();
        assertFalse(handler.connection.execute(() -> handler.connection.write("never\r\n")));
        assertEquals("221 bye\r\n", outbound(ch));
        ch.finishAndReleaseAll();
    }
}
