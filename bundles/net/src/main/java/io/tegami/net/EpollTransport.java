package io.tegami.net;

import java.util.concurrent.ThreadFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;

/**
 * The only class that names Netty's epoll types, so that {@link Transport} loads them only when
 * asked: without the epoll bundle, touching this class fails with a {@code LinkageError} that
 * {@link Transport} turns into "use NIO".
 */
final class EpollTransport {

    private EpollTransport() {
    }

    /** Null when the native library loaded, else the reason it did not. */
    static String unavailability() {
        if (Epoll.isAvailable()) {
            return null;
        }
        Throwable cause = Epoll.unavailabilityCause();
        return cause == null ? "unknown cause" : cause.toString();
    }

    static EventLoopGroup group(int threads, ThreadFactory threadFactory) {
        return new EpollEventLoopGroup(threads, threadFactory);
    }

    static Class<? extends ServerChannel> serverChannel() {
        return EpollServerSocketChannel.class;
    }
}
