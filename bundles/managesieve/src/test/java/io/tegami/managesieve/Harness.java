package io.tegami.managesieve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;
import io.tegami.api.net.Line;
import io.tegami.api.net.ProtocolSession;
import io.tegami.api.net.testing.FakeConnection;
import io.tegami.api.net.testing.FakeLoginRegistry;
import io.tegami.api.sasl.testing.FakeMechanism;
import io.tegami.api.sasl.testing.FakePenalty;
import io.tegami.api.user.testing.FakeUserDirectory;

/**
 * A ManageSieve handler with fakes and one session, fed input the way the net layer cuts it:
 * lines, and counted octets after a literal.
 */
final class Harness {

    final MapMailParameters parameters;
    final FakeUserDirectory users;
    final FakePenalty penalty = new FakePenalty();
    final FakeEngine engine = new FakeEngine();
    final FakeLoginRegistry logins = new FakeLoginRegistry();
    final ManageSieveProtocolHandler handler = new ManageSieveProtocolHandler();
    final FakeConnection connection;
    final Path homes;
    ProtocolSession session;

    Harness(Path dir, FakeConnection connection, String... parametersAndValues) {
        this.homes = dir.resolve("home");
        this.parameters = MapMailParameters.of(dir, parametersAndValues);
        this.users = new FakeUserDirectory().plain("alice", "secret").plain("bob", "pw").homes(homes);
        this.connection = connection;
        handler.bind(parameters, users, penalty, engine);
        handler.bindLogins(logins);
        handler.addMechanism(FakeMechanism.plain(), Map.of());
        handler.addMechanism(FakeMechanism.serverFirst(), Map.of());
    }

    Harness(Path dir, String... parametersAndValues) {
        this(dir, new FakeConnection("sieve", 4190).canStartTls(true), parametersAndValues);
    }

    /** Starts the session and returns the greeting. */
    String start() {
        session = handler.newSession(connection);
        session.start();
        return connection.take();
    }

    /** Sends raw input (CRLF line ends; literal octets counted) and returns the output it produced. */
    String send(String input) {
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < in.length && connection.isOpen()) {
            long counting = connection.counting();
            if (counting > 0) {
                int n = (int) Math.min(counting, in.length - i);
                connection.delivered(n);
                session.bytesReceived(ByteBuffer.wrap(in, i, n), connection.counting() < 0);
                i += n;
                continue;
            }
            int lf = i;
            while (lf < in.length && in[lf] != '\n') {
                lf++;
            }
            int end = lf > i && in[lf - 1] == '\r' ? lf - 1 : lf;
            byte[] line = java.util.Arrays.copyOfRange(in, i, end);
            session.lineReceived(new Line(line, end < lf ? Line.Ending.CRLF : Line.Ending.LF));
            i = lf + 1;
        }
        return connection.take();
    }

    /** Logs in as alice with PLAIN and an initial response. */
    String login() {
        return send("AUTHENTICATE \"PLAIN\" \"" + plain("alice", "secret") + "\"\r\n");
    }

    static String plain(String user, String password) {
        return java.util.Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    Path home(String user) {
        return homes.resolve(user);
    }
}
