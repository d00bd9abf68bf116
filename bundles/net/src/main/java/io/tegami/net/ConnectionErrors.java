package io.tegami.net;

import java.io.IOException;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.handler.codec.DecoderException;

/** How a connection's errors are logged: resets quietly, TLS errors briefly, anything else in full. */
final class ConnectionErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);

    private ConnectionErrors() {
    }

    static void log(String who, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("{}: {}", who, cause.toString());
        } else if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            LOG.info("{}: TLS error: {}", who, cause.getCause().toString());
        } else {
            LOG.warn("{}: connection error", who, cause);
        }
    }
}
