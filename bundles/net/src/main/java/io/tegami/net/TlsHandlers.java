package io.tegami.net;

import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLEngine;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.tegami.api.tls.TlsProvider;

/** Makes the server-side {@link SslHandler} for a connection from the current {@link TlsProvider}. */
final class TlsHandlers {

    /** The pipeline name of the TLS handler; it always sits first. */
    static final String NAME = "tls";

    private TlsHandlers() {
    }

    /**
     * A fresh server handler. Asks the provider for its context each time, so a reloaded
     * certificate applies to the next handshake. Call it off the event loop: the provider may
     * read files.
     */
    static SslHandler server(TlsProvider provider) {
        SSLEngine engine = provider.serverContext().createSSLEngine();
        engine.setUseClientMode(false);
        List<String> supported = Arrays.asList(engine.getSupportedProtocols());
        String[] wanted = Arrays.stream(provider.enabledProtocols()).filter(supported::contains).toArray(String[]::new);
        if (wanted.length > 0) {
            engine.setEnabledProtocols(wanted);
        }
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
