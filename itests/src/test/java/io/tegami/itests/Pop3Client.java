package io.tegami.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw-socket POP3 client for transcripts: sends command lines, reads one-line replies and
 * multi-line responses byte for byte (so that stuffing and octet counts can be checked).
 */
final class Pop3Client implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Pop3Client(int port) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    Pop3Client(Socket socket) throws IOException {
        use(socket);
    }

    /** Switches to another socket over the same connection (after STLS). */
    void use(Socket s) throws IOException {
        this.socket = s;
        s.setSoTimeout(15_000);
        this.in = s.getInputStream();
        this.out = s.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    /** One line without its CRLF, or null when the server closed. */
    String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends one command line and returns the status line of the reply. */
    String command(String line) throws IOException {
        send(line + "\r\n");
        return line();
    }

    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The lines of a multi-line response up to the terminating dot, as sent (still stuffed), with CRLFs. */
    String multiline() throws IOException {
        StringBuilder sb = new StringBuilder();
        String l;
        while ((l = line()) != null && !l.equals(".")) {
            sb.append(l).append("\r\n");
        }
        return sb.toString();
    }

    /** Logs in with USER/PASS; returns PASS's reply. */
    String login(String user, String password) throws IOException {
        line();
        command("USER " + user);
        return command("PASS " + password);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
