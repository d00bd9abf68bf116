package io.tegami.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The smallest IMAP client for transcripts: tagged commands and APPEND with a synchronizing literal. */
final class LineImap implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    LineImap(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        in.readLine(); // greeting
    }

    /** Sends {@code tag text}; returns the lines up to and including the tagged one, LF-separated. */
    String command(String tag, String text) throws IOException {
        send(tag + " " + text + "\r\n");
        return until(tag + " ");
    }

    /** APPEND INBOX with a synchronizing literal, waiting for the continuation as a client must. */
    String append(String tag, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        send(tag + " APPEND INBOX {" + bytes.length + "}\r\n");
        String cont = in.readLine();
        if (cont == null || !cont.startsWith("+")) {
            return cont + "\n";
        }
        out.write(bytes);
        send("\r\n");
        return until(tag + " ");
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String until(String prefix) throws IOException {
        StringBuilder sb = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            sb.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return sb.toString();
            }
        }
        throw new IOException("connection closed before '" + prefix + "': " + sb);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
