package io.tegami.net;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.net.Connection;
import io.tegami.api.net.LoginInfo;
import io.tegami.api.net.LoginRegistry;

/**
 * The {@link LoginRegistry} service: one table for every listener. A login on a connection of
 * this bundle is dropped when the connection closes even if its protocol forgets to close it, and
 * can be kicked: its session is told to {@code shutdown()} on its own thread, as when its
 * protocol handler leaves.
 */
@Component(service = LoginRegistry.class)
public final class NetLoginRegistry implements LoginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(NetLoginRegistry.class);

    private final LoginTable table = new LoginTable();
    private final Clock clock;

    /** For DS. */
    public NetLoginRegistry() {
        this(Clock.systemUTC());
    }

    /** For tests. */
    NetLoginRegistry(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Login> register(String user, Connection connection, int maxPerUserIp) {
        LoginInfo info = new LoginInfo(user, connection.listener().protocol(), connection.listener().name(),
                connection.id(), connection.remoteAddress(), connection.localAddress(), clock.instant());
        Runnable kick = connection instanceof NetConnection net ? net::requestShutdown : null;
        Optional<Login> login = table.add(info, maxPerUserIp, kick);
        if (login.isPresent() && connection instanceof NetConnection net) {
            // Registered after a close? The listener runs at once, so no slot outlives its connection.
            net.whenClosed(login.get()::close);
        }
        return login;
    }

    @Override
    public List<LoginInfo> logins() {
        return table.list();
    }

    @Override
    public List<LoginInfo> kick(Predicate<? super LoginInfo> which) {
        List<LoginInfo> kicked = table.kick(which);
        for (LoginInfo l : kicked) {
            LOG.info("kick: user=<{}>, service={}, rip={}, session=<{}>", l.user(), l.protocol(),
                    l.remoteIp() == null ? "?" : l.remoteIp().getHostAddress(), l.sessionId());
        }
        return kicked;
    }
}
