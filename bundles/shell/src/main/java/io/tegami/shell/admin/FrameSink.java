package io.tegami.shell.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.shell.ctl.AdminProtocol;

/**
 * Writes a connection's answer frames. Standard output and error may be written from different
 * Gogo threads, so frames are serialized here. Once the client has gone, output is dropped
 * silently: the command keeps running to its end rather than failing half-way (a half-applied
 * {@code postconf} edit would be worse than an unread answer).
 */
final class FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(FrameSink.class);

    private final OutputStream out;
    private boolean broken;

    FrameSink(WritableByteChannel channel) {
        this.out = Channels.newOutputStream(channel);
    }

    synchronized void frames(byte type, byte[] bytes, int off, int len) {
        if (broken || len == 0) {
            return;
        }
        try {
            AdminProtocol.writeFrames(out, type, bytes, off, len);
        } catch (IOException e) {
            gone(e);
        }
    }

    synchronized void exit(int status) {
        if (broken) {
            return;
        }
        try {
            AdminProtocol.writeExit(out, status);
        } catch (IOException e) {
            gone(e);
        }
    }

    /** Asks the client for its standard input ({@link AdminProtocol#INPUT_REQUEST}). */
    synchronized void requestInput() {
        if (broken) {
            return;
        }
        try {
            AdminProtocol.writeInputRequest(out);
        } catch (IOException e) {
            gone(e);
        }
    }

    private void gone(IOException e) {
        broken = true;
        LOG.debug("admin client went away before the answer was complete: {}", e.toString());
    }

    /** An output stream whose writes become frames of one type. */
    OutputStream stream(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                frames(type, new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                frames(type, b, off, len);
            }

            @Override
            public void close() {
                // Gogo closes session streams when the session ends; the connection owns the socket.
            }
        };
    }
}
