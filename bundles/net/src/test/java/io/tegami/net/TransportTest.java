package io.tegami.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** The transport switch, and a real session on each transport. */
class TransportTest {

    /** The test classpath has the linux-x86_64 native jar: on such a machine epoll must load. */
    private static boolean linuxX86() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    @Test
    void nioIsForcedByTheSwitch() {
        Transport t = Transport.choose(" NIO ");
        assertFalse(t.isEpoll());
        assertEquals("nio", t.name());
        assertEquals(NioServerSocketChannel.class, t.serverChannel());
        assertTrue(t.why().contains("tegami.net.transport=nio"), t.why());
    }

    @Test
    void autoPicksEpollWhereTheNativeLibraryLoads() {
        for (String setting : new String[] { null, "", "auto", "epoll", "bogus" }) {
            Transport t = Transport.choose(setting);
            if (linuxX86()) {
                assertTrue(t.isEpoll(), setting + ": " + t);
                assertEquals(EpollServerSocketChannel.class, t.serverChannel());
            } else {
                assertFalse(t.isEpoll(), setting + ": " + t);
                assertTrue(t.why().startsWith("epoll not available"), t.why());
            }
        }
    }

    @Test
    void aSessionRunsOnNio() throws Exception {
        session(Transport.choose("nio"));
    }

    @Test
    void aSessionRunsOnEpoll() throws Exception {
        Transport t = Transport.choose("epoll");
        assertEquals(linuxX86(), t.isEpoll(), t.toString());
        session(t);
    }

    private static void session(Transport transport) throws Exception {
        EventLoops loops = new EventLoops(transport, 1, 2);
        Listener listener = new Listener(loops);
        FakeHandler handler = new FakeHandler("fake");
        try {
            listener.bindHandler(handler, LoopbackTest.service(1, 0));
            listener.activate(Map.of("protocol", "fake", "port", "0", "address", "127.0.0.1"));
            assertEquals(transport, loops.transport());
            try (LineClient c = new LineClient(listener.boundAddresses().get(0).getPort())) {
                assertEquals("220 fake ready", c.readLine());
                c.send("one\r\nLIT 3\r\nabcNEXT\r\n");
                assertEquals("ECHO one CRLF", c.readLine());
                assertEquals("OK 3", c.readLine());
                assertEquals("ECHO NEXT CRLF", c.readLine());
                c.send("QUIT\r\n");
                assertEquals("221 bye", c.readLine());
                assertNull(c.readLine());
            }
            handler.await("closed");
        } finally {
            listener.deactivate();
            loops.deactivate();
        }
    }
}
