package io.tegami.auth.plain;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.api.sasl.AuthPenalty;

/**
 * The {@link AuthPenalty} every protocol shares: Dovecot's auth penalty over a {@link PenaltyTable},
 * with the first delay from Dovecot's {@code auth_failure_delay} (default {@code 2 secs};
 * {@code 0} turns penalties off), read at each failure so a change applies at once.
 *
 * <p>It lives in this bundle because PLAIN and LOGIN are the mechanisms every installation runs;
 * it depends on nothing mechanism-specific and can move to a bundle of its own without any change
 * for its users, who know only the API.
 */
@Component(service = AuthPenalty.class, immediate = true)
public final class AuthPenaltyService implements AuthPenalty {

    static final Duration DEFAULT_BASE = Duration.ofSeconds(2);
    static final long DEFAULT_BAN_LIMIT = 10;
    static final Duration DEFAULT_BAN_TIME = Duration.ofMinutes(10);
    private static final List<String> DEFAULT_EXCEPTIONS = List.of("127.0.0.0/8", "[::1]/128");
    private static final Logger LOG = LoggerFactory.getLogger(AuthPenaltyService.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    private final PenaltyTable table = new PenaltyTable();
    private final BanTable bans = new BanTable();
    private final Clock clock;

    /** For Declarative Services. */
    public AuthPenaltyService() {
        this(Clock.systemUTC());
    }

    AuthPenaltyService(Clock clock) {
        this.clock = clock;
    }

    /** For tests: what DS would inject. */
    void bind(MailParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Duration failure(InetAddress client) {
        long now = clock.millis();
        if (client != null && !exempt(client)) {
            int limit = (int) number("tegami_auth_failure_ban_limit", DEFAULT_BAN_LIMIT);
            Duration time = time("tegami_auth_failure_ban_time", DEFAULT_BAN_TIME);
            if (bans.failure(client, limit, time.toMillis(), now)) {
                LOG.warn("auth: rip={}: banned for {} secs after {} failed logins (tegami_auth_failure_ban_limit)",
                        client.getHostAddress(), time.toSeconds(), limit);
            }
        }
        return table.failure(client, base(), now);
    }

    /**
     * True while the client is banned: {@code tegami_auth_failure_ban_limit} (10) failed logins,
     * each within {@code tegami_auth_failure_ban_time} (10 min) of the last, ban it for that time;
     * clients in {@code tegami_auth_failure_ban_exceptions} ($mynetworks) never are.
     */
    @Override
    public boolean banned(InetAddress client) {
        return client != null && bans.banned(client, clock.millis()) && !exempt(client);
    }

    /** In tegami_auth_failure_ban_exceptions, which defaults to $mynetworks (loopback without either). */
    private boolean exempt(InetAddress client) {
        MailParameters p = parameters;
        List<String> list = DEFAULT_EXCEPTIONS;
        if (p != null && p.get("tegami_auth_failure_ban_exceptions").isPresent()) {
            list = p.getList("tegami_auth_failure_ban_exceptions");
        } else if (p != null && p.get("mynetworks").isPresent()) {
            list = p.getList("mynetworks");
        }
        return NetworkList.parse(list).contains(client);
    }

    private long number(String name, long fallback) {
        MailParameters p = parameters;
        try {
            return p == null ? fallback : p.get(name).map(v -> Long.parseLong(v.trim())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Duration time(String name, Duration fallback) {
        MailParameters p = parameters;
        String value = p == null ? null : p.get(name).orElse(null);
        return value == null ? fallback : DovecotTime.parse(value, fallback);
    }

    @Override
    public void success(InetAddress client) {
        table.success(client);
    }

    private Duration base() {
        MailParameters p = parameters;
        String value = p == null ? null : p.get("auth_failure_delay").orElse(null);
        return value == null ? DEFAULT_BASE : DovecotTime.parse(value, DEFAULT_BASE);
    }
}
