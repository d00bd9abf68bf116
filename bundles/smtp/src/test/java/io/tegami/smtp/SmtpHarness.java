package io.tegami.smtp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.net.testing.FakeConnection;
import io.tegami.api.queue.MailQueue;
import io.tegami.api.sasl.AuthPenalty;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.testing.FakeMechanism;
import io.tegami.api.sasl.testing.FakePenalty;
import io.tegami.api.user.UserDirectory;
import io.tegami.api.user.testing.FakeUserDirectory;
import io.tegami.smtp.fake.FakeMailQueue;
import io.tegami.smtp.fake.SmtpParameters;
import io.tegami.smtp.session.SmtpSession;

/**
 * Drives one SMTP session the way the net layer would: lines in, replies out, with fakes for the
 * connection, the queue, the user directory and the parameters. Users: alice (password
 * {@code secret}) and postmaster. SASL mechanisms: fake PLAIN, LOGIN and CRAM-MD5 are registered;
 * AUTH itself is off unless a test enables it.
 */
final class SmtpHarness {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T20:10:00Z"), ZoneId.of("UTC"));

    final MapMailParameters params = SmtpParameters.standard();
    final FakeMailQueue queue = new FakeMailQueue();
    final FakeUserDirectory users = new FakeUserDirectory("alice", "postmaster").password("alice", "secret");
    final FakeMechanism plain = FakeMechanism.plain();
    final FakeMechanism login = FakeMechanism.login();
    final FakeMechanism cram = FakeMechanism.serverFirst();
    final List<SaslMechanism> mechanisms = new ArrayList<>(List.of(plain, login, cram));
    final FakePenalty penalty = new FakePenalty();
    AuthPenalty penaltyService = penalty;
    final FakeConnection connection = new FakeConnection("smtp", 25);
    MailQueue queueService = queue;
    UserDirectory userService = users;
    SmtpProtocolHandler handler;
    ProtocolSession session;
    private boolean closedDelivered;

    /** Binds the services, opens the session and returns the greeting. */
    String start() {
        handler = new SmtpProtocolHandler(CLOCK, ip -> "localhost");
        handler.bind(params, queueService, userService);
        handler.bind(penaltyService);
        for (SaslMechanism m : mechanisms) {
            handler.addMechanism(m, Map.of(SaslMechanism.MECHANISM, m.name()));
        }
        session = handler.newSession(connection);
        closedDelivered = false;
        session.start();
        return connection.take();
    }

    /** The per-command counts the disconnect line will show. */
    String stats() {
        return ((SmtpSession) session).stats().format();
    }

    /** Sends one command line ending in CRLF; returns the replies written. */
    String send(String line) {
        line(line, Line.Ending.CRLF);
        return connection.take();
    }

    /** Sends several lines in one batch, as a pipelining client does; returns all replies. */
    String pipeline(String... lines) {
        for (String l : lines) {
            line(l, Line.Ending.CRLF);
        }
        return connection.take();
    }

    /** Feeds one line (or fragment) with the given ending. */
    void line(String text, Line.Ending ending) {
        if (closedDelivered) {
            return; // the net layer delivers nothing after closed()
        }
        session.lineReceived(new Line(text.getBytes(StandardCharsets.UTF_8), ending));
        // Delayed replies (executeAfter) run before the next line: the net layer holds input until then.
        connection.runTasks();
        // Like the net layer: once the session has closed the connection, closed() follows.
        if (!connection.isOpen()) {
            closedDelivered = true;
            session.closed();
        }
    }

    /**
     * Feeds raw client octets the way the net layer does: lines ending in CRLF or a bare LF, or,
     * after the session asked for counted input (BDAT), that many octets in one chunk. While a
     * line is handled, the rest of the input is what {@code pendingInput} shows, as for a client
     * that sent it all at once. Returns the replies written.
     */
    String wire(String octets) {
        byte[] in = octets.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (!closedDelivered && (i < in.length || connection.counting() == 0)) {
            long counting = connection.counting();
            if (counting >= 0) {
                int n = (int) Math.min(counting, in.length - i);
                connection.delivered(n);
                session.bytesReceived(java.nio.ByteBuffer.wrap(in, i, n), n == counting);
                i += n;
            } else {
                int lf = i;
                while (lf < in.length && in[lf] != '\n') {
                    lf++;
                }
                if (lf == in.length) {
                    break; // an unfinished line waits for more input
                }
                boolean cr = lf > i && in[lf - 1] == '\r';
                connection.pending(new String(in, lf + 1, in.length - lf - 1, StandardCharsets.UTF_8));
                byte[] text = java.util.Arrays.copyOfRange(in, i, cr ? lf - 1 : lf);
                session.lineReceived(new Line(text, cr ? Line.Ending.CRLF : Line.Ending.LF));
                connection.runTasks();
                i = lf + 1;
            }
            if (!connection.isOpen() && !closedDelivered) {
                closedDelivered = true;
                session.closed();
            }
        }
        connection.pending("");
        return connection.take();
    }

    /** Runs the usual EHLO, MAIL, RCPT alice, DATA and returns their replies. */
    String openData() {
        return pipeline("EHLO client.example", "MAIL FROM:<sender@example.com>", "RCPT TO:<alice@localhost>", "DATA");
    }

    /** The content of the only queued message, without our Received: header. */
    String queuedBody() {
        if (queue.committed().size() != 1) {
            throw new AssertionError("expected one queued message, got " + queue.committed().size());
        }
        String content = queue.committed().get(0).content();
        int end = content.indexOf("\n", content.indexOf("\tfor <") >= 0 ? content.indexOf("\tfor <") : content.indexOf("\tby "));
        return content.substring(end + 1);
    }
}
