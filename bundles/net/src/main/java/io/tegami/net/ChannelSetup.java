package io.tegami.net;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.tegami.api.net.ListenerInfo.TlsMode;
import io.tegami.api.net.ProtocolHandler;
import io.tegami.api.tls.TlsProvider;

/**
 * Builds the pipeline of each accepted connection, on the event loop: idle detection, then the
 * session handler on a session thread. TLS is added in front later, by the session handler
 * (implicit TLS at once, STARTTLS on request), so that the provider is never asked for its
 * context on an event loop.
 */
final class ChannelSetup extends ChannelInitializer<SocketChannel> {

    /** What the listener serves right now; read once per connection. */
    record Serving(ProtocolHandler handler, ListenerSettings settings) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSetup.class);
    /** How long a refused connection may take to receive its one-line refusal. */
    private static final int REFUSAL_SECONDS = 10;

    private final EventLoops loops;
    private final SessionRegistry sessions;
    private final Supplier<Serving> serving;
    private final Supplier<TlsProvider> tls;

    ChannelSetup(EventLoops loops, SessionRegistry sessions, Supplier<Serving> serving, Supplier<TlsProvider> tls) {
        this.loops = loops;
        this.sessions = sessions;
        this.serving = serving;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        Serving now = serving.get();
        if (now == null) {
            ch.close(); // the handler left while this connection was being accepted
            return;
        }
        ListenerSettings settings = now.settings();
        if (settings.tlsMode() == TlsMode.IMPLICIT && tls.get() == null) {
            LOG.warn("{}: refusing connection from {}: implicit TLS needs a TlsProvider and there is none",
                    settings.name(), ch.remoteAddress());
            ch.close();
            return;
        }
        SessionHandler session = new SessionHandler(ch, now.handler(), settings, tls, sessions);
        if (!sessions.add(session, settings.maxConnections())) {
            LOG.warn("{}: too many connections ({}), refusing {}", settings.name(), settings.maxConnections(),
                    ch.remoteAddress());
            if (settings.tlsMode() == TlsMode.IMPLICIT) {
                ch.close(); // no handshake for a listener that is already overloaded
                return;
            }
            // The protocol says it is busy (SMTP 421) on a session thread; a client that does not
            // read the reply is cut by the idle handler, not kept waiting for.
            session.refuse();
            ch.pipeline()
                    .addLast("idle", new IdleStateHandler(REFUSAL_SECONDS, 0, 0))
                    .addLast(loops.sessions(), "session", session);
            return;
        }
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(settings.idleSeconds(), 0, 0))
                .addLast(loops.sessions(), "session", session);
    }
}
