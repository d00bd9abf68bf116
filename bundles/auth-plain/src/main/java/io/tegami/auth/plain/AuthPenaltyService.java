package io.tegami.auth.plain;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    private final PenaltyTable table = new PenaltyTable();
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
        return table.failure(client, base(), clock.millis());
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
