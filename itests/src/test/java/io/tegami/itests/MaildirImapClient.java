package io.tegami.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal IMAP client for talking to Dovecot in the interop tests: tagged commands, untagged
 * responses with literals, LITERAL+ APPEND, and a parser for the FETCH items the tests compare.
 */
final class MaildirImapClient implements AutoCloseable {

    /** One FETCH response: UID, flags, RFC822.SIZE, INTERNALDATE and the body, when asked for. */
    record Fetched(long uid, Set<String> flags, long size, String internalDate, byte[] body) {
    }

    /** The untagged lines (a literal's bytes stand as {n}) and literals of one command, and its tagged line. */
    record Response(List<String> untagged, List<byte[]> literals, String tagged) {
        boolean ok() {
            return tagged.matches("\\S+ OK.*");
        }

        /** The first number in an untagged {@code [CODE n]} or {@code * n WORD} answer. */
        long code(String code) {
            Pattern p = Pattern.compile("\\[" + code + " (\\d+)\\]");
            for (String l : untagged) {
                Matcher m = p.matcher(l);
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
            throw new AssertionError("no " + code + " in " + untagged);
        }
    }

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}$");
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    MaildirImapClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        String greeting = line();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("no IMAP greeting: " + greeting);
        }
    }

    Response command(String command) throws IOException {
        return command(command, null);
    }

    /** Sends a command; {@code literal}, when given, follows it as a LITERAL+ {n+} argument. */
    Response command(String command, byte[] literal) throws IOException {
        String t = "t" + (++tag);
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes((t + " " + command).getBytes(StandardCharsets.UTF_8));
        if (literal != null) {
            req.writeBytes((" {" + literal.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            req.writeBytes(literal);
        }
        req.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(req.toByteArray());
        out.flush();
        List<String> untagged = new ArrayList<>();
        List<byte[]> literals = new ArrayList<>();
        while (true) {
            StringBuilder whole = new StringBuilder();
            String l = line();
            while (true) {
                whole.append(l);
                Matcher m = LITERAL.matcher(l);
                if (!m.find()) {
                    break;
                }
                literals.add(in.readNBytes(Integer.parseInt(m.group(1))));
                l = line();
            }
            String full = whole.toString();
            if (full.startsWith(t + " ")) {
                return new Response(untagged, literals, full);
            }
            untagged.add(full);
        }
    }

    Response ok(String command) throws IOException {
        Response r = command(command);
        if (!r.ok()) {
            throw new AssertionError(command + " failed: " + r);
        }
        return r;
    }

    /** UID FETCH of everything with UID, FLAGS, RFC822.SIZE, INTERNALDATE and BODY.PEEK[], by UID. */
    Map<Long, Fetched> fetchAll() throws IOException {
        Response r = ok("UID FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE BODY.PEEK[])");
        Map<Long, Fetched> out = new LinkedHashMap<>();
        int literal = 0;
        for (String l : r.untagged()) {
            if (!l.matches("\\* \\d+ FETCH .*")) {
                continue;
            }
            long uid = Long.parseLong(find(l, "UID (\\d+)"));
            Set<String> flags = new LinkedHashSet<>();
            for (String f : find(l, "FLAGS \\(([^)]*)\\)").split(" ")) {
                if (!f.isEmpty() && !f.equals("\\Recent")) {
                    flags.add(f);
                }
            }
            byte[] body = l.contains("BODY[] {") ? r.literals().get(literal++) : null;
            out.put(uid, new Fetched(uid, flags, Long.parseLong(find(l, "RFC822\\.SIZE (\\d+)")),
                    find(l, "INTERNALDATE \"([^\"]+)\""), body));
        }
        return out;
    }

    private static String find(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in " + line);
        }
        return m.group(1);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        throw new IOException("connection closed by the IMAP server");
    }

    @Override
    public void close() throws IOException {
        try {
            command("LOGOUT");
        } catch (IOException e) {
            // closing anyway
        } finally {
            socket.close();
        }
    }
}
