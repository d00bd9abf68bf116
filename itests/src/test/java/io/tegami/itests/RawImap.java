package io.tegami.itests;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A line-level IMAP client over a raw socket that can switch to COMPRESS=DEFLATE (RFC 4978) as
 * a real client does: raw DEFLATE with the JDK's zlib ({@code nowrap}), a sync flush after each
 * command. It counts the octets on the wire, to show that compression happened. python3's
 * imaplib cannot compress, hence this one.
 */
final class RawImap implements AutoCloseable {

    private Socket socket;
    private CountingInput wire;
    private InputStream in;
    private OutputStream out;
    private boolean compressed;

    RawImap(int port) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    RawImap(Socket socket) throws IOException {
        use(socket);
    }

    /** Switches to another socket over the same connection (after STARTTLS). */
    void use(Socket s) throws IOException {
        socket = s;
        s.setSoTimeout(20_000);
        wire = new CountingInput(s.getInputStream());
        in = wire;
        out = s.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    /** Compresses both ways from now on: call after the server's tagged OK to COMPRESS. */
    void compress() {
        in = new InflaterInputStream(wire, new Inflater(true), 4096);
        out = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 4096, true);
        compressed = true;
    }

    boolean compressed() {
        return compressed;
    }

    /** Octets received from the socket so far (compressed ones once compression is on). */
    long wireOctets() {
        return wire.count;
    }

    /** Sends raw text and flushes (a sync flush when compressed). */
    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends {@code tag text}; returns every line up to and including the tagged one, LF-separated. */
    String command(String tag, String text) throws IOException {
        send(tag + " " + text + "\r\n");
        return until(tag + " ");
    }

    /** Reads lines until one starts with {@code prefix}; returns them all, LF-separated. */
    String until(String prefix) throws IOException {
        StringBuilder sb = new StringBuilder();
        String line;
        while ((line = readLine()) != null) {
            sb.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return sb.toString();
            }
        }
        throw new IOException("connection closed before '" + prefix + "'; got:\n" + sb);
    }

    /** One line without its CRLF, or null at the end of the stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Reads exactly {@code n} octets (a literal). */
    byte[] readBytes(int n) throws IOException {
        return in.readNBytes(n);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
