package io.tegami.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw-socket SMTP client for transcripts: sends lines, reads whole (multi-line) replies. */
final class SmtpClient implements AutoCloseable {

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    SmtpClient(int port) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    SmtpClient(Socket socket) throws IOException {
        use(socket);
    }

    /** Switches to another socket over the same connection (after STARTTLS). */
    void use(Socket s) throws IOException {
        this.socket = s;
        s.setSoTimeout(15_000);
        this.in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        this.out = s.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    /** Reads one reply; returns its lines. Returns an empty list when the server closed. */
    List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                break;
            }
        }
        return lines;
    }

    /** The last line of one reply, or {@code null} if the server closed. */
    String replyLine() throws IOException {
        List<String> lines = reply();
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }

    /** Sends raw text as is. */
    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends one command line with CRLF and returns the last line of the reply. */
    String command(String line) throws IOException {
        send(line + "\r\n");
        return replyLine();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
