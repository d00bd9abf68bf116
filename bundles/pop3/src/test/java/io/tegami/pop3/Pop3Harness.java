package io.tegami.pop3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.net.testing.FakeConnection;
import io.tegami.api.net.testing.FakeLoginRegistry;
import io.tegami.api.sasl.SaslMechanism;
import io.tegami.api.sasl.testing.FakeMechanism;
import io.tegami.api.sasl.testing.FakePenalty;
import io.tegami.api.store.MailStore;
import io.tegami.api.user.testing.FakeUserDirectory;
import io.tegami.pop3.fake.FakeStore;

/**
 * Drives POP3 sessions the way the net layer would: lines in, replies out, with fakes for the
 * connection, the store, the user directory, the mechanisms and the parameters. Users: alice
 * ({@code secret}, stored in clear), mrose ({@code tanstaaf}, in clear, RFC 1939's APOP example)
 * and bob ({@code hunter2}, hashed). Several harnesses may share one handler (and so its locks).
 */
final class Pop3Harness {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T20:10:00Z"), ZoneId.of("UTC"));

    final MapMailParameters params;
    final FakeUserDirectory users;
    final FakeStore store;
    final FakeMechanism plain = FakeMechanism.plain();
    final FakeMechanism login = FakeMechanism.login();
    final FakeMechanism cram = FakeMechanism.serverFirst();
    final FakePenalty penalty;
    final FakeLoginRegistry logins;
    final Pop3ProtocolHandler handler;
    final FakeConnection connection = new FakeConnection("pop3", 110).decoding(StandardCharsets.ISO_8859_1);
    ProtocolSession session;
    private boolean closedDelivered;

    Pop3Harness() {
        params = MapMailParameters.of(Path.of("/tmp/tegami-pop3-test"), "myhostname", "mail.example.org",
                "mail_location", "maildir:~/Maildir");
        users = new FakeUserDirectory().plain("alice", "secret").plain("mrose", "tanstaaf").password("bob", "hunter2");
        store = new FakeStore();
        penalty = new FakePenalty();
        handler = new Pop3ProtocolHandler(CLOCK);
        handler.bind(params, users, penalty);
        logins = new FakeLoginRegistry();
        handler.bindLogins(logins);
        for (SaslMechanism m : new SaslMechanism[] {plain, login, cram}) {
            handler.addMechanism(m, Map.of(SaslMechanism.MECHANISM, m.name()));
        }
        handler.addStore(store, Map.of(MailStore.TYPE, "maildir"));
    }

    /** A second client of the same server. */
    private Pop3Harness(Pop3Harness server) {
        params = server.params;
        users = server.users;
        store = server.store;
        penalty = server.penalty;
        logins = server.logins;
        handler = server.handler;
    }

    Pop3Harness another() {
        return new Pop3Harness(this);
    }

    FakeStore.Folder inbox(String user) {
        return store.inbox(user);
    }

    /** Opens the session and returns the greeting. */
    String start() {
        session = handler.newSession(connection);
        closedDelivered = false;
        session.start();
        return connection.take();
    }

    /** Sends one command line ending in CRLF; returns what the server wrote. */
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
        afterInput();
    }

    private void afterInput() {
        // Delayed replies (Connection.executeAfter) come before the next input: the net layer holds it.
        connection.runTasks();
        // Like the net layer: once the session has closed the connection, closed() follows.
        if (!connection.isOpen() && !closedDelivered) {
            closedDelivered = true;
            session.closed();
        }
    }

    /** The client goes away without QUIT. */
    void drop() {
        connection.close();
        afterInput();
    }

    /** The listener's idle timeout fires; returns the goodbye. */
    String idle() {
        session.idle();
        afterInput();
        return connection.take();
    }

    /** The handler goes away; returns the goodbye. */
    String shutdown() {
        session.shutdown();
        afterInput();
        return connection.take();
    }

    boolean open() {
        return connection.isOpen();
    }

    /** Starts and logs alice in with USER/PASS; returns the last reply. */
    String loginAlice() {
        start();
        send("USER alice");
        return send("PASS secret");
    }
}
