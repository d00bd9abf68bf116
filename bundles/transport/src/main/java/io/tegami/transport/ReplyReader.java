package io.tegami.transport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies (RFC 5321 section 4.2): lines {@code NNN-text} continued until
 * {@code NNN text} or a bare {@code NNN}. A line longer than {@value #MAX_LINE} bytes is cut
 * (the rest is read and dropped), and a reply of more than {@value #MAX_LINES} lines is an error,
 * so that a hostile server cannot fill memory.
 */
final class ReplyReader {

    static final int MAX_LINE = 2048;
    static final int MAX_LINES = 1000;

    private final InputStream in;

    ReplyReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one whole reply.
     *
     * @throws EOFException when the server closed the connection
     * @throws MalformedReplyException when a line is not a reply line, or codes disagree
     */
    Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = line();
            if (line.length() < 3 || !digits(line) || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                throw new MalformedReplyException("malformed SMTP reply: " + printable(line));
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code >= 0 && lineCode != code) {
                throw new MalformedReplyException("reply code changed within a reply: " + printable(line));
            }
            code = lineCode;
            lines.add(line);
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(code, lines);
            }
            if (lines.size() >= MAX_LINES) {
                throw new MalformedReplyException("reply of more than " + MAX_LINES + " lines");
            }
        }
    }

    private static boolean digits(String line) {
        return line.charAt(0) >= '2' && line.charAt(0) <= '5' && Character.isDigit(line.charAt(1))
                && Character.isDigit(line.charAt(2));
    }

    /** One line without its CRLF (or bare LF), cut at MAX_LINE bytes. */
    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("lost connection");
            }
            if (b == '\n') {
                break;
            }
            if (buf.size() < MAX_LINE) {
                buf.write(b);
            }
        }
        byte[] bytes = buf.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static String printable(String line) {
        String cut = line.length() > 100 ? line.substring(0, 100) + "..." : line;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }

    /** A server reply that is not SMTP. */
    static final class MalformedReplyException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedReplyException(String message) {
            super(message);
        }
    }
}
