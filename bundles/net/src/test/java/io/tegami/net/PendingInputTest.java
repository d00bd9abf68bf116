package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tegami.api.net.Connection;
import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.net.ProtocolSession;

/** Connection.pendingInput(): what a session can see of the input behind the line at hand. */
class PendingInputTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private final ProtocolHandler handler = connection -> new ProtocolSession() {
        @Override
        public void start() {
            seen.add("start:" + text(connection.pendingInput(100)));
        }

        @Override
        public void lineReceived(Line line) {
            seen.add(line.text() + ":" + text(connection.pendingInput(5)));
            if (line.text().equals("LIT")) {
                connection.readBytes(3);
            }
        }

        @Override
        public void bytesReceived(ByteBuffer chunk, boolean last) {
            seen.add("bytes:" + text(connection.pendingInput(100)));
        }

        @Override
        public void idle() {
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void closed() {
        }
    };

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void theRestOfTheBatchIsVisibleAndNotConsumed() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(false, false);
        ListenerSettings settings = ListenerSettings.parse(Map.of("protocol", "fake", "port", "0", "tls", "none"));
        ch.pipeline().addLast(new SessionHandler(ch, handler, settings, () -> null, null));
        ch.register();
        ch.pipeline().fireChannelRead(Unpooled.copiedBuffer("one\r\ntwo\r\nLIT\r\nabcfour\r\n", StandardCharsets.US_ASCII));
        ch.pipeline().fireChannelReadComplete();
        ch.pipeline().fireChannelRead(Unpooled.copiedBuffer("five\r\n", StandardCharsets.US_ASCII));
        ch.pipeline().fireChannelReadComplete();
        assertEquals(List.of("start:", "one:two\r\n", "two:LIT\r\n", "LIT:abcfo", "bytes:four\r\n", "four:",
                "five:"), seen);
        ch.finishAndReleaseAll();
    }

    @Test
    void theDefaultOfOtherConnectionsIsNothing() {
        Connection c = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> m.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(p, m, a) : null);
        assertEquals(0, c.pendingInput(10).length);
    }
}
