package io.tegami.shell.admin;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import io.tegami.shell.ctl.AdminProtocol;

/** Reads a whole answer as a raw client, ignoring input requests. */
final class AdminSocketServerTestAccess {

    private AdminSocketServerTestAccess() {
    }

    /** What the server answered. */
    record Answer(int status, String out, String err) {
    }

    static Answer read(SocketChannel ch) throws IOException {
        DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        while (true) {
            AdminProtocol.Frame f = AdminProtocol.readFrame(in);
            if (f == null) {
                throw new IOException("no exit frame");
            }
            switch (f.type()) {
                case AdminProtocol.STDOUT -> out.write(f.payload());
                case AdminProtocol.STDERR -> err.write(f.payload());
                case AdminProtocol.INPUT_REQUEST -> { }
                default -> {
                    return new Answer(f.exitStatus(), out.toString(StandardCharsets.UTF_8),
                            err.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
