package io.tegami.transport.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server on a loopback port for tests: every reply can be scripted, every command and
 * transaction is recorded. Supports PIPELINING (replies in order, as it reads line by line),
 * STARTTLS with a throw-away certificate ({@link TestCertificates}) and AUTH PLAIN/LOGIN.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** One received message. */
    public record Transaction(String mailFrom, List<String> rcpts, String data, boolean tls, String authUser) {
    }

    public final List<String> commands = new CopyOnWriteArrayList<>();
    public final List<Transaction> transactions = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();
    public final Map<String, String> users = new ConcurrentHashMap<>();

    public volatile String greeting = "220 fake.example ESMTP";
    public volatile List<String> extensions = List.of("PIPELINING", "SIZE 10240000", "8BITMIME", "ENHANCEDSTATUSCODES");
    public volatile boolean refuseEhlo;
    public volatile boolean silent;
    public volatile SSLContext tls;
    public volatile boolean breakTls;
    public volatile Function<String, String> rcptReply = r -> "250 2.1.5 Ok";
    public volatile String mailReply = "250 2.1.0 Ok";
    public volatile String dataReply = "354 End data with <CR><LF>.<CR><LF>";
    public volatile String finalReply;

    private final ServerSocket server;
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean closed;

    public FakeSmtpServer() throws IOException {
        this(0);
    }

    /** A server on 127.0.0.1:{@code port} (0: any free port), for a port chosen in advance. */
    public FakeSmtpServer(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
        Thread t = new Thread(this::accept, "fake-smtp-" + port());
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Announces STARTTLS and serves it with a self-signed certificate. */
    public FakeSmtpServer withTls() throws Exception {
        tls = TestCertificates.serverContext();
        List<String> ext = new ArrayList<>(extensions);
        ext.add("STARTTLS");
        extensions = ext;
        return this;
    }

    /** Announces AUTH PLAIN LOGIN and accepts {@code user}/{@code password}. */
    public FakeSmtpServer withAuth(String user, String password) {
        users.put(user, password);
        List<String> ext = new ArrayList<>(extensions);
        ext.add("AUTH PLAIN LOGIN");
        extensions = ext;
        return this;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "fake-smtp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        Socket s = socket;
        try {
            if (silent) {
                Thread.sleep(60_000);
                return;
            }
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            reply(out, greeting);
            if (!greeting.startsWith("2")) {
                return;
            }
            String from = null;
            List<String> rcpts = new ArrayList<>();
            boolean secure = false;
            String authUser = null;
            while (true) {
                String line = line(in);
                if (line == null) {
                    return;
                }
                commands.add(line);
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    if (refuseEhlo) {
                        reply(out, "502 5.5.2 Error: command not recognized");
                        continue;
                    }
                    List<String> lines = new ArrayList<>(List.of("fake.example"));
                    boolean inTls = secure;
                    extensions.stream().filter(e -> !(e.equals("STARTTLS") && inTls)).forEach(lines::add);
                    for (int i = 0; i < lines.size(); i++) {
                        reply(out, "250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
                    }
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 fake.example");
                } else if (upper.equals("STARTTLS")) {
                    reply(out, "220 2.0.0 Ready to start TLS");
                    if (breakTls) {
                        out.write("garbage that is not a TLS record\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        return;
                    }
                    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), true);
                    ssl.setUseClientMode(false);
                    ssl.startHandshake();
                    s = ssl;
                    secure = true;
                    in = new BufferedInputStream(ssl.getInputStream());
                    out = ssl.getOutputStream();
                } else if (upper.startsWith("AUTH PLAIN")) {
                    String[] parts = new String(Base64.getDecoder().decode(line.substring(11).trim()),
                            StandardCharsets.UTF_8).split("\0", -1);
                    authUser = check(out, parts[1], parts[2]);
                } else if (upper.equals("AUTH LOGIN")) {
                    reply(out, "334 VXNlcm5hbWU6");
                    String user = decode(line(in));
                    reply(out, "334 UGFzc3dvcmQ6");
                    authUser = check(out, user, decode(line(in)));
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = line.substring(10);
                    rcpts.clear();
                    reply(out, mailReply);
                } else if (upper.startsWith("RCPT TO:")) {
                    String rcpt = line.substring(8);
                    String r = rcptReply.apply(rcpt.replaceAll("[<>]", ""));
                    if (r.startsWith("2")) {
                        rcpts.add(rcpt);
                    }
                    reply(out, r);
                } else if (upper.equals("DATA")) {
                    if (rcpts.isEmpty() || from == null || !mailReply.startsWith("2")) {
                        reply(out, "554 5.5.1 Error: no valid recipients");
                        continue;
                    }
                    reply(out, dataReply);
                    if (!dataReply.startsWith("354")) {
                        continue;
                    }
                    String data = data(in);
                    transactions.add(new Transaction(from, List.copyOf(rcpts), data, secure, authUser));
                    reply(out, finalReply != null ? finalReply : "250 2.0.0 Ok: queued as Q" + queued.incrementAndGet());
                    from = null;
                    rcpts.clear();
                } else if (upper.equals("RSET")) {
                    from = null;
                    rcpts.clear();
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Error: command not recognized");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        } finally {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private String check(OutputStream out, String user, String password) throws IOException {
        if (password.equals(users.get(user))) {
            reply(out, "235 2.7.0 Authentication successful");
            return user;
        }
        reply(out, "535 5.7.8 Error: authentication failed: authentication failure");
        return null;
    }

    private static String decode(String b64) {
        return b64 == null ? "" : new String(Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
    }

    /** The DATA content up to the final dot, CRLFs kept, dots not yet unstuffed. */
    private static String data(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            String line = line(in);
            if (line == null || line.equals(".")) {
                return buf.toString(StandardCharsets.UTF_8);
            }
            buf.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            buf.write(b);
        }
        return null;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
