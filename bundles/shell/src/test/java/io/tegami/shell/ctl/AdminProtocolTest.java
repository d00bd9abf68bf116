package io.tegami.shell.ctl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AdminProtocolTest {

    @Test
    void framesRoundTripAndLargeOutputIsSplit() throws IOException {
        byte[] big = new byte[AdminProtocol.MAX_FRAME_PAYLOAD * 2 + 10];
        Arrays.fill(big, (byte) 'x');
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        AdminProtocol.writeFrames(wire, AdminProtocol.STDERR, "oops\n".getBytes(), 0, 5);
        AdminProtocol.writeFrames(wire, AdminProtocol.STDOUT, big, 0, big.length);
        AdminProtocol.writeExit(wire, 1);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire.toByteArray()));
        AdminProtocol.Frame first = AdminProtocol.readFrame(in);
        assertEquals(AdminProtocol.STDERR, first.type());
        assertArrayEquals("oops\n".getBytes(), first.payload());
        int total = 0;
        for (int i = 0; i < 3; i++) {
            AdminProtocol.Frame f = AdminProtocol.readFrame(in);
            assertEquals(AdminProtocol.STDOUT, f.type());
            total += f.payload().length;
        }
        assertEquals(big.length, total);
        assertEquals(1, AdminProtocol.readFrame(in).exitStatus());
        assertNull(AdminProtocol.readFrame(in));
    }

    @Test
    void malformedFramesAreRefused() {
        assertThrows(IOException.class, () -> read(new byte[] {'O', 0, 0}));
        assertThrows(IOException.class, () -> read(new byte[] {'Q', 0, 0, 0, 0}));
        assertThrows(IOException.class, () -> read(new byte[] {'O', 0x7f, 0, 0, 0}));
        assertThrows(IOException.class, () -> read(new byte[] {'O', 0, 0, 0, 5, 'a'}));
        assertThrows(IOException.class, () -> read(new byte[] {'X', 0, 0, 0, 2, 0, 0}));
    }

    private static AdminProtocol.Frame read(byte[] bytes) throws IOException {
        return AdminProtocol.readFrame(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
