package io.tegami.net;

import java.util.Locale;
import java.util.concurrent.ThreadFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The Netty transport of every listener: native epoll where it loads, the JDK's NIO otherwise.
 *
 * <p>Why epoll: with NIO, a session thread that hands output to an event loop calls
 * {@code Selector.wakeup()}, which takes the JDK selector's interrupt lock; an I/O thread clearing
 * the wake-up blocks on that lock while the session thread is descheduled (2–53 ms in the IMAP
 * profiles), and every connection of that event loop waits. Netty's epoll loop wakes through an
 * eventfd without such a lock.
 *
 * <p>{@code tegami.net.transport} (framework or system property): {@code auto} (default: epoll
 * when {@code Epoll.isAvailable()}), {@code epoll} (the same, but a warning when it is not
 * available) or {@code nio} (always NIO, e.g. to rule the native code out).
 */
final class Transport {

    /** The framework / system property that forces a transport. */
    static final String PROPERTY = "tegami.net.transport";

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final boolean epoll;
    private final String why;

    private Transport(boolean epoll, String why) {
        this.epoll = epoll;
        this.why = why;
    }

    /** Picks the transport for a {@link #PROPERTY} value (null or blank: auto). */
    static Transport choose(String setting) {
        String s = setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        if (s.equals("nio")) {
            return new Transport(false, PROPERTY + "=nio");
        }
        if (!s.equals("auto") && !s.equals("epoll")) {
            LOG.warn("{}={}: unknown transport (auto, epoll or nio); using auto", PROPERTY, setting);
        }
        String unavailable = epollUnavailability();
        if (unavailable == null) {
            return new Transport(true, s.equals("epoll") ? PROPERTY + "=epoll" : "native library loaded");
        }
        if (s.equals("epoll")) {
            LOG.warn("{}=epoll but epoll is not available ({}); using nio", PROPERTY, unavailable);
        }
        return new Transport(false, "epoll not available: " + unavailable);
    }

    /** Null when epoll can be used, else why not. */
    private static String epollUnavailability() {
        try {
            return EpollTransport.unavailability();
        } catch (LinkageError e) {
            // No io.netty.channel.epoll (its bundle is not installed: the import is optional).
            return e.toString();
        }
    }

    boolean isEpoll() {
        return epoll;
    }

    /** "epoll" or "nio". */
    String name() {
        return epoll ? "epoll" : "nio";
    }

    /** Why this transport: for the log line. */
    String why() {
        return why;
    }

    EventLoopGroup group(int threads, ThreadFactory threadFactory) {
        return epoll ? EpollTransport.group(threads, threadFactory) : new NioEventLoopGroup(threads, threadFactory);
    }

    Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollTransport.serverChannel() : NioServerSocketChannel.class;
    }

    @Override
    public String toString() {
        return name() + " (" + why + ")";
    }
}
