package io.tegami.net;

import javax.net.ssl.SSLEngine;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.tegami.api.net.ListenerInfo;
import io.tegami.api.tls.TlsProvider;

/** Makes the server-side {@link SslHandler} for a connection from the current {@link TlsProvider}. */
final class TlsHandlers {

    /** The pipeline name of the TLS handler; it always sits first. */
    static final String NAME = "tls";

    private TlsHandlers() {
    }

    /**
     * A fresh server handler for a connection of {@code listener}. Asks the provider for an engine
     * each time, so a reloaded certificate or a changed policy applies to the next handshake; the
     * provider enables its protocols and cipher suites on it ({@link TlsProvider#serverEngine}),
     * per listener where it distinguishes them. Call it off the event loop: the provider may read
     * files.
     */
    static SslHandler server(TlsProvider provider, ListenerInfo listener) {
        SSLEngine engine = provider.serverEngine(listener);
        engine.setUseClientMode(false);
        return new SslHandler(engine);
    }

    /**
     * Puts TLS in front of everything, from a task on the event loop. Output queued before by the
     * session thread runs first (same task queue), so a STARTTLS go-ahead still leaves in clear.
     */
    static void insertFirst(Channel channel, SslHandler handler) {
        channel.eventLoop().execute(() -> {
            if (channel.isActive()) {
                channel.pipeline().addFirst(NAME, handler);
                channel.read(); // the client hello: autoRead is off
            }
        });
    }
}
