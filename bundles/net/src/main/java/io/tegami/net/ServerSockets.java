package io.tegami.net;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;

/**
 * A listener's server sockets: bound while a handler serves the protocol, closed otherwise (new
 * clients then get "connection refused", not a socket that accepts and hangs). Bound and closed
 * from DS threads, under the listener's lock.
 */
final class ServerSockets {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSockets.class);

    /** Output a session may queue before its writes start waiting for the client to read. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

    private final EventLoops loops;
    private final ChannelSetup setup;
    private final List<Channel> bound = new ArrayList<>();

    ServerSockets(EventLoops loops, ChannelSetup setup) {
        this.loops = loops;
        this.setup = setup;
    }

    boolean isBound() {
        return !bound.isEmpty();
    }

    /** The addresses actually bound (with the real port when 0 was configured). */
    List<InetSocketAddress> addresses() {
        return bound.stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
    }

    /** Binds every configured address; a failure is logged once and leaves the others bound. */
    void bind(ListenerSettings settings) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.boss(), loops.workers())
                .channel(loops.transport().serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(setup);
        for (InetSocketAddress address : settings.addresses()) {
            ChannelFuture f = bootstrap.bind(address).awaitUninterruptibly();
            if (f.isSuccess()) {
                bound.add(f.channel());
                LOG.info("listening on {} ({})", format((InetSocketAddress) f.channel().localAddress()), describe(settings));
            } else {
                LOG.error("cannot listen on {} ({}): {}", format(address), describe(settings), f.cause().toString());
            }
        }
    }

    /** Closes the server sockets; live connections are not touched. */
    void close(ListenerSettings settings, String why) {
        for (Channel c : bound) {
            InetSocketAddress address = (InetSocketAddress) c.localAddress();
            c.close().awaitUninterruptibly();
            LOG.info("stopped listening on {} ({}): {}", format(address), describe(settings), why);
        }
        bound.clear();
    }

    private static String describe(ListenerSettings s) {
        String name = s.name().equals(s.protocol()) ? s.name() : s.name() + "/" + s.protocol();
        return name + ", " + s.tlsMode().name().toLowerCase(Locale.ROOT);
    }

    static String format(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
