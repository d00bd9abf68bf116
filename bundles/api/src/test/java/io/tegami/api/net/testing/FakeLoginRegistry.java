package io.tegami.api.net.testing;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import io.tegami.api.net.Connection;
import io.tegami.api.net.LoginInfo;
import io.tegami.api.net.LoginRegistry;

/**
 * A {@link LoginRegistry} for protocol tests, with the real one's counting rule (per protocol,
 * remote IP and exact user name). It cannot reach sessions, so {@link #kick} only records what
 * it chose; a test then calls the session's {@code shutdown()} as the net layer would.
 */
public final class FakeLoginRegistry implements LoginRegistry {

    private final List<LoginInfo> live = new ArrayList<>();
    private final List<LoginInfo> kicked = new ArrayList<>();
    private int registrations;

    @Override
    public synchronized Optional<Login> register(String user, Connection connection, int maxPerUserIp) {
        InetSocketAddress remote = connection.remoteAddress();
        String protocol = connection.listener().protocol();
        long same = live.stream().filter(l -> l.user().equals(user) && l.protocol().equals(protocol)
                && Objects.equals(l.remoteIp(), remote.getAddress())).count();
        if (maxPerUserIp > 0 && same >= maxPerUserIp) {
            return Optional.empty();
        }
        LoginInfo info = new LoginInfo(user, protocol, connection.listener().name(), connection.id(), remote,
                connection.localAddress(), Instant.now());
        live.add(info);
        registrations++;
        return Optional.of(new Login() {
            private boolean closed;

            @Override
            public LoginInfo info() {
                return info;
            }

            @Override
            public void close() {
                synchronized (FakeLoginRegistry.this) {
                    if (!closed) {
                        closed = true;
                        live.remove(info);
                    }
                }
            }
        });
    }

    @Override
    public synchronized List<LoginInfo> logins() {
        return List.copyOf(live);
    }

    @Override
    public synchronized List<LoginInfo> kick(Predicate<? super LoginInfo> which) {
        List<LoginInfo> chosen = live.stream().filter(which).toList();
        kicked.addAll(chosen);
        return chosen;
    }

    /** Everything {@link #kick} chose so far. */
    public synchronized List<LoginInfo> kicked() {
        return List.copyOf(kicked);
    }

    /** How many registrations succeeded in all (closed ones included). */
    public synchronized int registrations() {
        return registrations;
    }
}
